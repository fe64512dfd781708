#!/usr/bin/env bash
# Installs the system packages the tests need (Debian/Ubuntu), only when missing.
#   chromium        the browser the tests drive (Playwright cannot download one here)
#   fonts-noto-core Arabic and Latin fonts, so screenshots show real letters
#   poppler-utils   pdftotext/pdftoppm, to read the handouts the export makes
#   zbar-tools      zbarimg, to read the QR codes printed on the handouts
#   libpango-1.0-0 libpangoft2-1.0-0  the text engine WeasyPrint uses to make the handouts
# Usage: bash scripts/install_system_deps.sh [--help]
set -euo pipefail
if [[ "${1:-}" == "--help" ]]; then sed -n '2,8p' "$0"; exit 0; fi

packages=(chromium fonts-noto-core poppler-utils zbar-tools libpango-1.0-0 libpangoft2-1.0-0)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Installez ces paquets avec le gestionnaire de votre système : ${missing[*]}" >&2
  exit 1
fi
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installation de : ${missing[*]}"
$sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null
}
