# Shared by deploy/local/{test,up,down} and bench/: sourced, not run.
# Sets TILTS_ROOT (the repository root) and defines the install helpers.

TILTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TILTS_SERVICES=(referral-service meeting-service assessment-service reporting-service tilts-gateway)
TILTS_PACKAGES=(libnghttp2-dev libssl-dev libsqlite3-dev pkg-config nghttp2-client openssl python3-venv)

# The local stack's run folder: TILTS_RUN_DIR, default run/ under the repository root.
tilts_run_dir() { local d="${TILTS_RUN_DIR:-$TILTS_ROOT/run}"; mkdir -p "$d"; (cd "$d" && pwd); }

log() { printf '== %s\n' "$*" >&2; }

# Makes DIR/ca.pem (a new CA) and DIR/NAME.pem + DIR/NAME.key (a server certificate for localhost and
# 127.0.0.1 that it signed), valid for DAYS. Keys are 0600, certificates 0644.
make_dev_tls() { # DIR NAME DAYS CA_NAME
  local dir="$1" name="$2" days="$3" ca_name="$4"
  (
    cd "$dir"
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days "$days" -subj "/CN=$ca_name" -keyout ca.key -out ca.pem \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$name.ext"
    openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout "$name.key" -out "$name.csr" 2>/dev/null
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "$days" -sha256 \
      -extfile "$name.ext" -out "$name.pem" 2>/dev/null
    rm -f "$name.csr" "$name.ext"
    chmod 0644 ca.pem "$name.pem"
  )
}

# Installs the Debian packages given (default: TILTS_PACKAGES) that are not installed yet.
ensure_packages() {
  local pkgs=("$@") missing=() p
  [ ${#pkgs[@]} -gt 0 ] || pkgs=("${TILTS_PACKAGES[@]}")
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_swift() {
  command -v swift >/dev/null || { echo "the Swift toolchain (swift) is not on PATH" >&2; return 1; }
}

# Creates or reuses $TILTS_ROOT/.venv with Tests/interop/requirements.txt installed.
ensure_venv() {
  local venv="$TILTS_ROOT/.venv" req="$TILTS_ROOT/Tests/interop/requirements.txt"
  local stamp="$venv/.tilts-requirements"
  if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "creating the Python venv at .venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || /usr/bin/python3 -m venv "$venv"
  fi
  if ! cmp -s "$req" "$stamp"; then
    log "installing Python packages into .venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req"
    cp "$req" "$stamp"
  fi
}

TILTS_PY="$TILTS_ROOT/.venv/bin/python"
