#!/usr/bin/env python3
"""Generates a synthetic partnership of N services for offergen, and the
equivalent Hugo and Eleventy sites: the same words in the same pages.

    bench/generate.py N OUT_DIR

writes OUT_DIR/offergen/content/ (site.yaml, figures.yaml, glossary.yaml,
localities/*.md, services/*.md (front matter and a Markdown body), and for the printable documents four
strategy parts, plan-on-a-page.yaml and five pathways), OUT_DIR/hugo/ (hugo.yaml, layouts/,
content/services/*.md) and OUT_DIR/eleventy/ (eleventy.config.cjs, content/_includes/*.njk,
content/*.njk, content/services/*.md, the same files as Hugo's). The same N always gives the
same files (a fixed seed).

Each service has realistic fields (organisation, summary, ages, levels,
localities, access routes, contact, opening times, cost, languages, review
date) and a Markdown description of about 400 words with a '##' heading, a
list, a link to another service and a table. Categories and localities are
drawn from pools of 24 and 32; one service in ten works in every locality.

The Hugo site has each service as a page with the same Markdown body and the
same facts in its front matter, three taxonomies (categories, localities,
levels), a baseof/single/list layout that shows what offergen's pages show,
and Hugo's default sitemap and RSS feeds. A list page per category and per
locality lists its services, as offergen's do.

The Eleventy site (Eleventy 3, bench/eleventy/package-lock.json) writes the
same HTML pages at the same paths as Hugo's, with nearly the same markup
(markdown-it gives headings no id; the pages listing a taxonomy's terms give
each term's number of services where Hugo's print empty ages): Nunjucks
layouts, collections for the taxonomies, a sitemap (see ELEVENTY_CONFIG).
"""

import os
import random
import sys

CATEGORIES = [
    "Parenting", "Early years", "Young people", "Mental health", "Keeping safe", "Domestic abuse",
    "Special educational needs", "Money and debt", "Housing", "Health", "Learning and school",
    "Play and leisure", "Youth justice", "Substance misuse", "Young carers", "Disability",
    "Bereavement", "Relationships", "Food and nutrition", "Employment and skills", "Sleep",
    "Speech and language", "Online safety", "Care leavers",
]

LOCALITIES = [
    "Almondbury", "Batley", "Birstall", "Birkenshaw", "Cleckheaton", "Colne Valley", "Denby Dale",
    "Dewsbury East", "Dewsbury West", "Golcar", "Greenhead", "Heckmondwike", "Holme Valley North",
    "Holme Valley South", "Kirkburton", "Lindley", "Liversedge", "Mirfield", "Newsome", "Ravensthorpe",
    "Shepley", "Skelmanthorpe", "Slaithwaite", "Thornhill", "Marsden", "Meltham", "Honley",
    "Kirkheaton", "Lepton", "Marsh", "Netherton", "Crosland Moor",
]

LEVELS = [(1, "Universal"), (2, "Early help"), (3, "Targeted"), (4, "Specialist")]

ORGANISATIONS = [
    "Kirklees Council", "Locala", "South West Yorkshire Partnership NHS Foundation Trust", "Home-Start",
    "Barnardo's", "Northorpe Hall", "Yorkshire Children's Centre", "Family Action", "Action for Children",
    "Community Links", "Kirklees Citizens Advice", "Pennine Domestic Abuse Partnership", "Young Minds Matter",
    "Calderdale and Kirklees Careers", "Kirklees Youth Alliance",
]

NAME_FIRST = [
    "Family", "Parent", "Youth", "Children's", "Community", "Early", "Healthy", "Safe", "Bright", "Together",
    "Little", "Young", "Growing", "Stronger", "Positive", "Open", "Steady", "Friendly", "Hopeful", "Brave",
]
NAME_SECOND = [
    "Support", "Steps", "Start", "Futures", "Minds", "Voices", "Roots", "Connections", "Pathways", "Circle",
    "Hub", "Space", "Club", "Network", "Link", "Choices", "Journeys", "Partners", "Bridges", "Horizons",
]
NAME_THIRD = ["Service", "Group", "Programme", "Project", "Team", "Drop-in", "Clinic", "Scheme", "Line", "Club"]

WORDS = """
family families child children young people parent parents carer carers support help service services
group groups session sessions week weekly month home school nursery health visitor worker workers
advice information talk listen share feel feelings safe safety confident confidence skills learn learning
play playing time together local area community centre hub place places meet meeting friends friendly
free cost referral refer self professional team staff trained qualified volunteer volunteers practical
emotional wellbeing mental physical sleep eating food routine routines behaviour boundaries praise calm
worry worries stress anxiety mood low hard difficult change changes new baby toddler teenager teenagers
older younger brother sister relationship relationships partner communication speech language reading
writing numbers homework attendance exam exams college work job money budget debt housing rent bills
benefits form forms letter letters phone call visit visits drop in appointment appointments booking
plan plans goal goals step steps progress review reviews outcome outcomes need needs level levels early
targeted specialist universal offer partnership partners council charity voluntary organisation trust
nhs gp doctor nurse midwife therapist counsellor counselling coach mentor mentoring youth club activity
activities outdoor sport music art games cooking garden trips holiday summer evening morning afternoon
weekend quiet space room building library park bus walk near close easy welcome welcoming everyone anyone
disability disabled accessible wheelchair interpreter languages english urdu punjabi polish arabic
domestic abuse harm risk protect protection neglect exploitation online internet phone screen screens
bereavement loss grief separation divorce contact court care leaver leavers fostering adoption kinship
young carer caring responsibility respite break breaks rest community champions peer peers mums dads
grandparents whole household strengths listen understand respect choice choices voice voices views
""".split()

PLACES = ["Town Hall", "Library", "Family Hub", "Community Centre", "Children's Centre", "Youth Centre",
          "Health Centre", "Sports Centre"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
TIMES = ["9am to 11am", "10am to 12pm", "1pm to 3pm", "3.30pm to 5pm", "6pm to 8pm"]
ACCESS = ["self-referral", "professional-referral", "drop-in"]
LANGUAGES = ["English", "Urdu", "Punjabi", "Polish", "Arabic", "British Sign Language"]


def slug(text):
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def sentence(rng, words):
    ws = [rng.choice(WORDS) for _ in range(words)]
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."


def paragraph(rng, words):
    out, left = [], words
    while left > 0:
        n = rng.randint(8, 16)
        n = left if left - n < 6 else n  # no sentence of one or two words at the end
        out.append(sentence(rng, n))
        left -= n
    return " ".join(out)


class Service:
    pass


def make_services(n, rng):
    services = []
    used = set()
    for i in range(n):
        s = Service()
        base = f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)} {rng.choice(NAME_THIRD)}"
        s.name = f"{base} {i + 1}"
        s.id = slug(s.name)
        assert s.id not in used
        used.add(s.id)
        s.organisation = rng.choice(ORGANISATIONS)
        s.summary = sentence(rng, rng.randint(12, 20))
        s.categories = rng.sample(range(len(CATEGORIES)), rng.randint(1, 3))
        s.levels = sorted(rng.sample([1, 2, 3, 4], rng.randint(1, 2)))
        lo = rng.choice([0, 0, 0, 5, 11, 13, 16])
        s.min_age, s.max_age = lo, rng.choice([a for a in (4, 11, 17, 18, 19, 25) if a >= lo])
        s.all_localities = rng.random() < 0.1
        s.localities = [] if s.all_localities else sorted(rng.sample(range(len(LOCALITIES)), rng.randint(1, 3)))
        s.access = sorted(rng.sample(range(len(ACCESS)), rng.randint(1, 2)))
        s.phone = f"01632 96{i % 10000:04d}"  # Ofcom's range for drama: never a real line
        s.email = f"{s.id}@example.org"
        s.website = f"https://example.org/{s.id}"
        s.opening = f"{rng.choice(DAYS)} to {rng.choice(DAYS[3:])}, {rng.choice(TIMES)}"
        s.cost = "Free" if rng.random() < 0.8 else "£2 a session"
        s.languages = sorted(rng.sample(LANGUAGES, rng.randint(1, 3)), key=LANGUAGES.index)
        s.reviewed = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
        services.append(s)
    # The body needs the ids of other services for its link.
    for i, s in enumerate(services):
        other = services[(i * 7919 + 1) % n] if n > 1 else s
        table = ["| Day | Time | Place |", "| --- | --- | --- |"]
        for _ in range(3):
            table.append(f"| {rng.choice(DAYS)} | {rng.choice(TIMES)} | "
                         f"{LOCALITIES[rng.randrange(len(LOCALITIES))]} {rng.choice(PLACES)} |")
        items = [f"- {sentence(rng, rng.randint(6, 10))}" for _ in range(4)]
        s.body = "\n".join([
            paragraph(rng, 90), "",
            "## What happens", "",
            paragraph(rng, 70) + f" Families often also use [{other.name}](/services/{other.id}/).", "",
            *items, "",
            paragraph(rng, 80), "",
            *table, "",
            paragraph(rng, 100), "",
        ])
    return services


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_offergen(root, services, rng):
    content = os.path.join(root, "content")
    cats = "\n".join(f"  - id: {slug(c)}\n    name: {c}\n    description: Services that help with "
                     f"{c.lower()}." for c in CATEGORIES)
    levels = "\n".join(f"  - level: {n}\n    name: {name}" for n, name in LEVELS)
    write(os.path.join(content, "site.yaml"), f"""title: Bench partnership
partnership: Bench Children's Partnership
description: A synthetic partnership of {len(services)} services for measuring offergen.
language: en-GB
base_url: https://example.org/
updated: 2026-11-01
review_months: 24
categories:
{cats}
levels:
{levels}
""")
    write(os.path.join(content, "figures.yaml"), """source: Synthetic needs analysis
groups:
  - name: Children
    figures:
      - id: children
        label: Children aged 0 to 18
      - id: deprived-share
        label: Share living in the most deprived areas
        unit: percent
""")
    write(os.path.join(content, "glossary.yaml"), """terms:
  - term: SEND
    stands_for: Special educational needs and disabilities
    definition: Extra help some children need to learn.
  - term: CAMHS
    stands_for: Child and Adolescent Mental Health Services
    definition: Services for children with emotional or mental health difficulties.
""")
    for i, name in enumerate(LOCALITIES):
        write(os.path.join(content, "localities", slug(name) + ".md"), f"""---
name: {name}
summary: {sentence(rng, 10)}
places: [{name}]
figures:
  children: {rng.randint(2000, 40000)}
  deprived-share: {rng.randint(5, 60)}
---
""")
    for s in services:
        locs = "all" if s.all_localities else "[" + ", ".join(slug(LOCALITIES[l]) for l in s.localities) + "]"
        write(os.path.join(content, "services", s.id + ".md"), f"""---
name: {s.name}
organisation: {s.organisation}
summary: {yaml_str(s.summary)}
categories: [{", ".join(slug(CATEGORIES[c]) for c in s.categories)}]
levels: [{", ".join(str(l) for l in s.levels)}]
min_age: {s.min_age}
max_age: {s.max_age}
localities: {locs}
access: [{", ".join(ACCESS[a] for a in s.access)}]
contact:
  phone: "{s.phone}"
  email: {s.email}
  website: {s.website}
opening_times: {s.opening}
cost: {yaml_str(s.cost)}
languages: [{", ".join(s.languages)}]
last_reviewed: {s.reviewed}
---

{s.body}
""")
    # Printable documents: a plan on a page (from four strategy parts) and a
    # guide for each of five pathways, besides the directory of each area.
    for order, (pid, title) in enumerate([("vision", "Our vision"), ("priorities", "Our priorities"),
                                          ("action-plan", "What we will do"), ("outcomes", "How we will know")]):
        items = "\n".join(f"  - {sentence(rng, 8)}" for _ in range(4))
        actions = "\n".join(f"  - what: {sentence(rng, 7)}\n    when: 2027" for _ in range(3))
        write(os.path.join(content, "strategy", pid + ".md"), f"""---
title: {title}
summary: {sentence(rng, 12)}
order: {order + 1}
items:
{items}
{"actions:" + chr(10) + actions if pid == "action-plan" else ""}
---
{paragraph(rng, 60)}
""")
    write(os.path.join(content, "plan-on-a-page.yaml"), """title: Our plan on a page
statement: vision
boxes:
  - parts: [priorities]
  - parts: [action-plan]
    show: actions
  - parts: [outcomes]
""")
    for p in range(5):
        steps = []
        for k in range(4):
            picked = ", ".join(services[(p * 97 + k * 13 + j) % len(services)].id for j in range(2))
            steps.append(f"  - title: {sentence(rng, 5)}\n    text: {yaml_str(sentence(rng, 20))}\n"
                         f"    services: [{picked}]")
        write(os.path.join(content, "pathways", f"pathway-{p + 1}.md"), f"""---
title: Pathway {p + 1}
summary: {sentence(rng, 12)}
order: {p + 1}
steps:
""" + "\n".join(steps) + f"""
---
{paragraph(rng, 60)}
""")


HUGO_CONFIG = """baseURL: https://example.org/
languageCode: en-gb
title: Bench partnership
taxonomies:
  category: categories
  locality: localities
  level: levels
"""

BASEOF = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="width-container">
<a class="site-header__title" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav class="site-nav" aria-label="Main"><ul class="site-nav__list">
<li><a href="{{ "/services/" | relURL }}">Find support</a></li>
<li><a href="{{ "/localities/" | relURL }}">Areas</a></li>
<li><a href="{{ "/categories/" | relURL }}">Topics</a></li>
</ul></nav>
</div></header>
<div class="width-container">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
<li><a href="{{ "/" | relURL }}">Home</a></li>
{{ with .Parent }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ol></nav>
<main id="main" class="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer"><p>Published by Bench Children's Partnership.</p>
<p>This site sets no cookies and does not track you.</p></footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
<dl class="summary-list">
<div class="summary-list__row"><dt>Who it is for</dt><dd>Ages {{ .Params.min_age }} to {{ .Params.max_age }}</dd></div>
<div class="summary-list__row"><dt>Areas</dt><dd>{{ delimit .Params.locality_names ", " }}</dd></div>
<div class="summary-list__row"><dt>Cost</dt><dd>{{ .Params.cost }}</dd></div>
<div class="summary-list__row"><dt>Opening times</dt><dd>{{ .Params.opening_times }}</dd></div>
<div class="summary-list__row"><dt>Languages</dt><dd>{{ delimit .Params.languages ", " }}</dd></div>
<div class="summary-list__row"><dt>Run by</dt><dd>{{ .Params.organisation }}</dd></div>
</dl>
<h2>About this service</h2>
<div class="prose">
{{ .Content }}
</div>
<h2>How to get this service</h2>
<ul class="tag-list">{{ range .Params.access }}<li class="tag">{{ . }}</li>{{ end }}</ul>
<h2>Contact</h2>
<dl class="summary-list">
<div class="summary-list__row"><dt>Phone</dt><dd><a href="tel:{{ .Params.phone }}">{{ .Params.phone }}</a></dd></div>
<div class="summary-list__row"><dt>Email</dt><dd><a href="mailto:{{ .Params.email }}">{{ .Params.email }}</a></dd></div>
<div class="summary-list__row"><dt>Website</dt><dd><a href="{{ .Params.website }}">{{ .Params.website }}</a></dd></div>
</dl>
<h2>Level of need</h2>
<ul class="link-list">{{ range .GetTerms "levels" }}<li><a href="{{ .RelPermalink }}">Level {{ .LinkTitle }}</a></li>{{ end }}</ul>
<h2>Topics</h2>
<ul class="link-list link-list--inline">{{ range .GetTerms "categories" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<p class="meta">Last checked <time datetime="{{ .Params.last_reviewed }}">{{ .Params.last_reviewed }}</time>.</p>
{{ end }}
"""

LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="lead">{{ len .Pages }} services.</p>
<ul class="card-list">
{{ range .Pages }}
<li class="card">
<h3 class="card__title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
<p class="card__meta">Ages {{ .Params.min_age }} to {{ .Params.max_age }}{{ with .Params.locality_names }} · {{ delimit . ", " }}{{ end }}{{ if eq .Params.cost "Free" }} · Free{{ end }}</p>
</li>
{{ end }}
</ul>
{{ end }}
"""


def page_markdown(s):
    """A service as Hugo and Eleventy read it: front matter and the Markdown body."""
    locs = range(len(LOCALITIES)) if s.all_localities else s.localities
    names = ["All areas"] if s.all_localities else [LOCALITIES[l] for l in s.localities]
    return f"""---
title: {s.name}
summary: {yaml_str(s.summary)}
organisation: {s.organisation}
categories: [{", ".join(yaml_str(CATEGORIES[c]) for c in s.categories)}]
localities: [{", ".join(yaml_str(LOCALITIES[l]) for l in locs)}]
locality_names: [{", ".join(yaml_str(n) for n in names)}]
levels: [{", ".join(yaml_str(str(l)) for l in s.levels)}]
min_age: {s.min_age}
max_age: {s.max_age}
access: [{", ".join(ACCESS[a] for a in s.access)}]
phone: "{s.phone}"
email: {s.email}
website: {s.website}
opening_times: {s.opening}
cost: {yaml_str(s.cost)}
languages: [{", ".join(s.languages)}]
last_reviewed: {s.reviewed}
---
{s.body}"""


def write_hugo(root, services):
    write(os.path.join(root, "hugo.yaml"), HUGO_CONFIG)
    write(os.path.join(root, "layouts", "_default", "baseof.html"), BASEOF)
    write(os.path.join(root, "layouts", "_default", "single.html"), SINGLE)
    write(os.path.join(root, "layouts", "_default", "list.html"), LIST)
    write(os.path.join(root, "content", "_index.md"), "---\ntitle: Bench partnership\n---\n")
    write(os.path.join(root, "content", "services", "_index.md"), "---\ntitle: Find support\n---\n")
    for s in services:
        write(os.path.join(root, "content", "services", s.id + ".md"), page_markdown(s))


# Eleventy 3: the same pages from the same Markdown files (front matter and
# body as Hugo's), with Nunjucks layouts that print what Hugo's print. What
# Hugo's taxonomies give for free is a collection here: the services of each
# category, locality and level, sorted by title as Hugo sorts pages without
# dates, and a template paginated over them (a page per term), another over
# the three taxonomies (a page listing each one's terms). Markdown is Eleventy's
# default markdown-it; it is not run through Liquid first (Eleventy's default
# for .md), since the bodies hold no template tags and Hugo does not do it
# either. No RSS feeds: Eleventy makes none without a plugin.
ELEVENTY_CONFIG = """// Written by bench/generate.py. CommonJS (.cjs), whatever package.json is above it.
const SITE = { title: "Bench partnership", url: "https://example.org" };
const TAXONOMIES = [
  { key: "categories", title: "Categories", noun: "topics" },
  { key: "localities", title: "Localities", noun: "areas" },
  { key: "levels", title: "Levels", noun: "levels" },
];

// As Hugo's urlize makes term URLs: "Early years" -> "early-years".
function termSlug(name) {
  return String(name).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function byTitle(a, b) {
  const x = a.data.title, y = b.data.title;
  return x < y ? -1 : x > y ? 1 : 0;
}

function taxonomies(api) {
  const services = api.getFilteredByTag("service").sort(byTitle);
  return TAXONOMIES.map((taxonomy) => {
    const byTerm = new Map();
    for (const service of services) {
      for (const name of service.data[taxonomy.key] || []) {
        const key = String(name);
        if (!byTerm.has(key)) byTerm.set(key, []);
        byTerm.get(key).push(service);
      }
    }
    const terms = [...byTerm.keys()].sort().map((name) => ({
      name,
      taxonomy,
      url: `/${taxonomy.key}/${termSlug(name)}/`,
      services: byTerm.get(name),
    }));
    return { ...taxonomy, url: `/${taxonomy.key}/`, terms };
  });
}

module.exports = function (eleventyConfig) {
  eleventyConfig.addGlobalData("site", SITE);
  eleventyConfig.addFilter("termSlug", termSlug);
  // js-yaml reads last_reviewed: 2026-03-27 as a Date (midnight UTC).
  eleventyConfig.addFilter("isoDate", (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
  eleventyConfig.addCollection("services", (api) => api.getFilteredByTag("service").sort(byTitle));
  eleventyConfig.addCollection("taxonomies", taxonomies);
  eleventyConfig.addCollection("terms", (api) => taxonomies(api).flatMap((t) => t.terms));
  return {
    dir: { input: "content", includes: "_includes" },
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
};
"""

ELEVENTY_BASE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} - {{ site.title }}</title>
<link rel="canonical" href="{{ site.url }}{{ page.url }}">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="width-container">
<a class="site-header__title" href="/">{{ site.title }}</a>
<nav class="site-nav" aria-label="Main"><ul class="site-nav__list">
<li><a href="/services/">Find support</a></li>
<li><a href="/localities/">Areas</a></li>
<li><a href="/categories/">Topics</a></li>
</ul></nav>
</div></header>
<div class="width-container">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
<li><a href="/">Home</a></li>
{% if parent %}<li><a href="{{ parent.url }}">{{ parent.title }}</a></li>{% endif %}
</ol></nav>
<main id="main" class="main" tabindex="-1">
{{ content | safe }}
</main>
</div>
<footer class="site-footer"><p>Published by Bench Children's Partnership.</p>
<p>This site sets no cookies and does not track you.</p></footer>
</body>
</html>
"""

ELEVENTY_SERVICE = """---
layout: base.njk
---
<h1>{{ title }}</h1>
{% if summary %}<p class="lead">{{ summary }}</p>{% endif %}
<dl class="summary-list">
<div class="summary-list__row"><dt>Who it is for</dt><dd>Ages {{ min_age }} to {{ max_age }}</dd></div>
<div class="summary-list__row"><dt>Areas</dt><dd>{{ locality_names | join(", ") }}</dd></div>
<div class="summary-list__row"><dt>Cost</dt><dd>{{ cost }}</dd></div>
<div class="summary-list__row"><dt>Opening times</dt><dd>{{ opening_times }}</dd></div>
<div class="summary-list__row"><dt>Languages</dt><dd>{{ languages | join(", ") }}</dd></div>
<div class="summary-list__row"><dt>Run by</dt><dd>{{ organisation }}</dd></div>
</dl>
<h2>About this service</h2>
<div class="prose">
{{ content | safe }}
</div>
<h2>How to get this service</h2>
<ul class="tag-list">{% for a in access %}<li class="tag">{{ a }}</li>{% endfor %}</ul>
<h2>Contact</h2>
<dl class="summary-list">
<div class="summary-list__row"><dt>Phone</dt><dd><a href="tel:{{ phone | urlencode }}">{{ phone }}</a></dd></div>
<div class="summary-list__row"><dt>Email</dt><dd><a href="mailto:{{ email }}">{{ email }}</a></dd></div>
<div class="summary-list__row"><dt>Website</dt><dd><a href="{{ website }}">{{ website }}</a></dd></div>
</dl>
<h2>Level of need</h2>
<ul class="link-list">{% for l in levels %}<li><a href="/levels/{{ l | termSlug }}/">Level {{ l }}</a></li>{% endfor %}</ul>
<h2>Topics</h2>
<ul class="link-list link-list--inline">{% for c in categories %}<li><a href="/categories/{{ c | termSlug }}/">{{ c }}</a></li>{% endfor %}</ul>
{% set reviewed = last_reviewed | isoDate %}
<p class="meta">Last checked <time datetime="{{ reviewed }}">{{ reviewed }}</time>.</p>
"""

# The list of services on the services index and each term's page, as Hugo's list.html.
ELEVENTY_CARDS = """<h1>{{ title }}</h1>
<p class="lead">{{ items | length }} services.</p>
<ul class="card-list">
{% for item in items %}
<li class="card">
<h3 class="card__title"><a href="{{ item.url }}">{{ item.data.title }}</a></h3>
{% if item.data.summary %}<p>{{ item.data.summary }}</p>{% endif %}
<p class="card__meta">Ages {{ item.data.min_age }} to {{ item.data.max_age }}{% if item.data.locality_names %} · {{ item.data.locality_names | join(", ") }}{% endif %}{% if item.data.cost == "Free" %} · Free{% endif %}</p>
</li>
{% endfor %}
</ul>
"""

ELEVENTY_HOME = """---
layout: base.njk
title: Bench partnership
---
<h1>{{ title }}</h1>
<p class="lead">{{ collections.services | length }} services.</p>
<ul class="card-list">
<li class="card">
<h3 class="card__title"><a href="/services/">Find support</a></h3>
</li>
</ul>
"""

ELEVENTY_SERVICES = """---
layout: base.njk
title: Find support
permalink: /services/
---
{% set items = collections.services %}{% include "cards.njk" %}
"""

ELEVENTY_TERMS = """---
layout: base.njk
pagination:
  data: collections.terms
  size: 1
  alias: term
  addAllPagesToCollections: true
permalink: "{{ term.url }}"
eleventyComputed:
  title: "{{ term.name }}"
  parent:
    url: "/{{ term.taxonomy.key }}/"
    title: "{{ term.taxonomy.title }}"
---
{% set items = term.services %}{% include "cards.njk" %}
"""

ELEVENTY_TAXONOMIES = """---
layout: base.njk
pagination:
  data: collections.taxonomies
  size: 1
  alias: taxonomy
  addAllPagesToCollections: true
permalink: "{{ taxonomy.url }}"
eleventyComputed:
  title: "{{ taxonomy.title }}"
---
<h1>{{ title }}</h1>
<p class="lead">{{ taxonomy.terms | length }} {{ taxonomy.noun }}.</p>
<ul class="card-list">
{% for term in taxonomy.terms %}
<li class="card">
<h3 class="card__title"><a href="{{ term.url }}">{{ term.name }}</a></h3>
<p class="card__meta">{{ term.services | length }} services</p>
</li>
{% endfor %}
</ul>
"""

ELEVENTY_SITEMAP = """---
permalink: /sitemap.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{%- for item in collections.all %}
  <url>
    <loc>{{ site.url }}{{ item.url }}</loc>
  </url>
{%- endfor %}
</urlset>
"""

ELEVENTY_SERVICES_DATA = """{
  "layout": "service.njk",
  "tags": ["service"],
  "parent": {"url": "/services/", "title": "Find support"}
}
"""


def write_eleventy(root, services):
    content = os.path.join(root, "content")
    write(os.path.join(root, "eleventy.config.cjs"), ELEVENTY_CONFIG)
    write(os.path.join(content, "_includes", "base.njk"), ELEVENTY_BASE)
    write(os.path.join(content, "_includes", "service.njk"), ELEVENTY_SERVICE)
    write(os.path.join(content, "_includes", "cards.njk"), ELEVENTY_CARDS)
    write(os.path.join(content, "index.njk"), ELEVENTY_HOME)
    write(os.path.join(content, "services.njk"), ELEVENTY_SERVICES)
    write(os.path.join(content, "terms.njk"), ELEVENTY_TERMS)
    write(os.path.join(content, "taxonomies.njk"), ELEVENTY_TAXONOMIES)
    write(os.path.join(content, "sitemap.njk"), ELEVENTY_SITEMAP)
    write(os.path.join(content, "services", "services.11tydata.json"), ELEVENTY_SERVICES_DATA)
    for s in services:
        write(os.path.join(content, "services", s.id + ".md"), page_markdown(s))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py N OUT_DIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261122 + n)
    services = make_services(n, rng)
    write_offergen(os.path.join(out, "offergen"), services, rng)
    write_hugo(os.path.join(out, "hugo"), services)
    write_eleventy(os.path.join(out, "eleventy"), services)
    words = sum(len(s.body.split()) for s in services) / max(1, n)
    size = sum(len(s.body.encode()) for s in services)
    print(f"{n} services, {words:.0f} words each on average, {size / 1e6:.1f} MB of Markdown, in {out}")


if __name__ == "__main__":
    main()
