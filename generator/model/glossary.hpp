// glossary.yaml: terms and abbreviations explained in plain English.
#pragma once

#include <string>
#include <vector>

#include "model/common.hpp"

namespace og {

struct Term {
  std::string id;                 // "camhs"
  std::string term;               // "CAMHS"
  std::string stands_for;         // "Child and Adolescent Mental Health Services"
  std::string definition;         // plain text, one or two sentences
  std::vector<std::string> also;  // other spellings: "CiN", "LAC"
  std::vector<Ref> related;
  bool sensitive = false;  // the glossary shows "Exit this page"
  Location where;
};

}  // namespace og
