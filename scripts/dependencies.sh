# Sourced by build.sh and test.sh: installs the Debian packages that are missing.
# Re-runs are quick: apt is not touched when everything is already installed.

# What building offergen needs.
OFFERGEN_BUILD_PACKAGES=(
  g++ cmake make pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libcli11-dev
  libyaml-cpp-dev libcpp-httplib-dev
  libcairo2-dev libpango1.0-dev libqpdf-dev fonts-noto-core
  libstemmer-dev
  libgoogle-perftools-dev
  libgumbo-dev
)

# What the tests need besides: Catch2, and Debian's chromium for the browser
# tests (driven by playwright-core from npm; Java for the Nu HTML Checker);
# poppler's pdfinfo, pdffonts and pdftotext for the document tests; Debian's
# python3-jsonschema (with rfc3987 for URIs) for the Open Referral export;
# clang 14 with its sanitizer runtimes and libFuzzer for fuzz/.
OFFERGEN_TEST_PACKAGES=(
  catch2 chromium poppler-utils clang-format
  python3-jsonschema python3-rfc3987
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
)

# The browser tests' npm packages, from the committed lockfile. Node.js and npm
# come with the machine; Debian's are installed when they are missing.
install_browser_test_packages() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    install_missing_packages nodejs npm
  fi
  if ! command -v java >/dev/null 2>&1; then
    install_missing_packages default-jre-headless
  fi
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
}

install_missing_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "error: these packages are missing and you are not root: ${missing[*]}" >&2
      return 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
