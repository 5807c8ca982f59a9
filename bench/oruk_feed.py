#!/usr/bin/env python3
"""Generates an Open Referral UK v3 page of N services, for timing
`offergen import oruk` (bench/README.md):

    bench/oruk_feed.py N OUT.json

Each service is shaped like the Bristol records of tests/data/oruk/: an HTML
description of about 300 words (an <h1>, paragraphs with links and
entities, a list, a table, now and then a script or an image to drop), -1
ages or real ones, pc_targetAudience terms, contacts with phones (some
inside labels), a staff email in assurer_email, and one name in twenty shared
with another service (so that file names clash). The same N always gives the
same file (a fixed seed).
"""
import json
import random
import sys

WORDS = ("family support help young people parents carers children school health advice group "
         "session drop-in local community service free confidential worker home visit online "
         "training housing money wellbeing mental emotional practical safe friendly trained "
         "volunteers week evening weekend referral assessment plan").split()
AUDIENCES = ["Homeless", "Care leavers", "Young people", "Children", "Families", "Parents", "Carers",
             "Disabled people", "Adults", "Older people"]
TERMS = ["Parenting support", "Mental health", "Domestic abuse", "Housing advice", "Debt advice",
         "Early years", "Childcare", "Youth club"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def description(rng, i):
    parts = [f"<h1>About service {i}</h1>"]
    for _ in range(4):
        text = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4))
        parts.append(f"<p>{text} See <a href=\"https://example.org/s/{i}\">our page</a> &amp; "
                     f"call&nbsp;us.</p>")
    parts.append("<ul>" + "".join(f"<li>{sentence(rng, 5)}</li>" for _ in range(4)) + "</ul>")
    parts.append("<table><tr><th>Day</th><th>Time</th></tr><tr><td>Monday</td><td>9am to 5pm</td></tr>"
                 "<tr><td>Friday</td><td>10am to 2pm</td></tr></table>")
    if i % 10 == 0:
        parts.append("<p><img src=\"x.png\" onerror=\"alert(1)\"><script>alert(2)</script>"
                     "<a href=\"javascript:alert(3)\">click</a>\u200b&#xF0B7;</p>")
    return "\n\n".join(parts)


def service(rng, i):
    k = i - 1 if i % 20 == 1 else i  # one name in twenty twice
    name = f"Service {k} {WORDS[k % len(WORDS)]} {WORDS[k * 7 % len(WORDS)]}".title()
    ages = (-1, -1) if i % 3 else (rng.randint(0, 10), rng.randint(11, 30))
    phone = f"0117 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return {
        "id": f"00000000-0000-4000-8000-{i:012d}",
        "name": name,
        "description": description(rng, i),
        "url": f"https://example.org/services/{i}",
        "email": f"service{i}@example-council.gov.uk" if i % 7 else f"firstname.lastname{i % 3}@hotmail.com",
        "status": "active" if i % 50 else "inactive",
        "assured_date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "assurer_email": "staff.member@example-council.gov.uk",
        "organization": {"id": f"org-{i % 40}", "name": f"Organisation {i % 40}"},
        "contacts": [{"id": f"c-{i}", "name": "A Person", "phones": [{"number": phone},
                                                                     {"number": f"Helpline: {phone}"}]}],
        "pc_targetAudience": [{"audienceType": a, "id": a} for a in rng.sample(AUDIENCES, 2)],
        "attributes": [{"taxonomy_term": {"id": f"t-{t}", "name": t}} for t in rng.sample(TERMS, 1)],
        "minimum_age": ages[0],
        "maximum_age": ages[1],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(17)
    page = {"total_items": n, "total_pages": 1, "page_number": 1, "size": n, "first_page": True,
            "last_page": True, "empty": n == 0, "contents": [service(rng, i) for i in range(1, n + 1)]}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(page, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
