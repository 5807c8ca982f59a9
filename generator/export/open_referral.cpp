#include "export/open_referral.hpp"

#include <nlohmann/json.hpp>

#include "core/parallel.hpp"

namespace og {

namespace {

using json = nlohmann::ordered_json;

// Where each kind of file goes. A folder's list is its index.html, which a
// static host serves for the folder's address ("/openreferral/services"
// redirects to "/openreferral/services/"); a record is a file named by its id.
constexpr std::string_view kApi = "openreferral/";
std::string list_path(std::string_view what) {
  return std::string(kApi) + std::string(what) + "/index.html";
}
std::string item_path(std::string_view what, std::string_view id) {
  return std::string(kApi) + std::string(what) + "/" + std::string(id);
}

// ORUK's page of `count` items, all on one page (a static host cannot read
// ?page=), cut where the items go: between the brackets of "contents": []
// (an empty page stays whole, in `before`).
struct PageFrame {
  std::string before, after;
};

PageFrame page_frame(std::size_t count) {
  json page;
  page["total_items"] = count;
  page["total_pages"] = 1;
  page["page_number"] = 1;
  page["size"] = count;
  page["first_page"] = true;
  page["last_page"] = true;
  page["empty"] = count == 0;
  page["contents"] = json::array();
  std::string text = page.dump(2);
  if (count == 0) return {text + "\n", ""};
  const std::size_t open = text.rfind("[]");
  return {text.substr(0, open + 1) + "\n", "\n  ]" + text.substr(open + 2) + "\n"};
}

// A page of small items, whole, and each item as a file of its own.
void write_small_list(OutputSink& output, std::string_view what, const std::vector<std::string>& ids,
                      const std::vector<std::string>& items) {
  const PageFrame frame = page_frame(items.size());
  std::string page = frame.before;
  for (std::size_t i = 0; i < items.size(); ++i) {
    page += (i ? ",\n    " : "    ") + items[i];
    output.write(item_path(what, ids[i]), items[i] + "\n");
  }
  output.write(list_path(what), page + frame.after);
}

void write_taxonomies(const Model& model, OutputSink& output) {
  std::vector<std::string> ids, items;
  for (const auto& t : oruk_taxonomies()) {
    std::string item;
    JsonWriter j(item, 0, JsonWriter::Layout::compact, JsonWriter::Escaping::html_safe);
    j.begin_object();
    j.member("id", t.id());
    j.member("name", t.name);
    j.member("description", t.description);
    j.end_object();
    ids.push_back(t.id());
    items.push_back(std::move(item));
  }
  write_small_list(output, "taxonomies", ids, items);
  ids.clear();
  items.clear();
  for (const auto& t : oruk_terms(model)) {
    std::string item;
    JsonWriter j(item, 0, JsonWriter::Layout::compact, JsonWriter::Escaping::html_safe);
    j.begin_object();
    write_term(j, t);
    j.end_object();
    ids.push_back(t.id());
    items.push_back(std::move(item));
  }
  write_small_list(output, "taxonomy_terms", ids, items);
}

// GET /: which standard this is, and where its description is.
void write_root(OutputSink& output) {
  json root;
  root["version"] = "3.0";
  root["profile"] = "https://github.com/openreferral/uk-profile";
  root["openapi_url"] =
      "https://raw.githubusercontent.com/openreferral/uk-profile/ecdfabf78944d480d7f580d08b702b08cbec4b09/"
      "profile/openapi.json";
  output.write(std::string(kApi) + "index.html", root.dump(2) + "\n");
}

// Records are made this many at a time, so that a large site holds one block
// of records, not every record.
constexpr std::size_t kRecordBlock = 256;

// Appends `records`, the records of the services from `first` on, to the
// list's items in `list` (grown once, with room for the page's end), and
// writes each as a file of its own.
void add_items(const Model& model, std::size_t first, const std::vector<SharedRecord>& records, std::string& list,
               OutputSink& output) {
  std::size_t size = list.size() + 256;
  for (const auto& r : records) size += r->size() + 6;
  list.reserve(size);
  for (std::size_t k = 0; k < records.size(); ++k) {
    list += first + k == 0 ? "    " : ",\n    ";
    list += *records[k];
    output.write_shared(item_path("services", open_referral_service_id(model.services[first + k])), records[k]);
  }
}

}  // namespace

void write_open_referral(const Model& model, const RecordSource& record, OutputSink& output, unsigned jobs) {
  write_root(output);
  write_taxonomies(model, output);
  const std::size_t count = model.services.size();
  const std::string page = list_path("services");
  PageFrame frame = page_frame(count);
  output.write_piece(page, std::move(frame.before), true);
  std::vector<SharedRecord> block;
  for (std::size_t start = 0; start < count; start += kRecordBlock) {
    block.assign(std::min(kRecordBlock, count - start), nullptr);
    parallel_for(block.size(), jobs, [&](std::size_t k) { block[k] = record(start + k); });
    std::string items;
    add_items(model, start, block, items, output);
    output.write_piece(page, std::move(items), false);
  }
  if (!frame.after.empty()) output.write_piece(page, std::move(frame.after), false);
  output.end_pieces(page);
}

void write_open_referral(const Model& model, const std::vector<SharedRecord>& records, OutputSink& output) {
  write_root(output);
  write_taxonomies(model, output);
  PageFrame frame = page_frame(records.size());
  std::string page = std::move(frame.before);
  add_items(model, 0, records, page, output);
  page += frame.after;
  output.write(list_path("services"), std::move(page));
}

}  // namespace og
