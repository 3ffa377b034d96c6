#!/bin/sh
# Installs what `./mvnw -Pcluster verify` needs beyond the JDK: Debian's nginx (open source, as in production) and
# PostgreSQL 15's server binaries. Each is installed only when missing; as root directly, otherwise through sudo.
# The packages' services are not used: the scenario runs its own nginx and PostgreSQL in folders of its own.
set -eu

missing=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql-15"
# root runs initdb and pg_ctl as the postgres user, with runuser.
if [ "$(id -u)" -eq 0 ] && ! command -v runuser >/dev/null 2>&1; then
    missing="$missing util-linux"
fi

if [ -z "$missing" ]; then
    echo "cluster scenario: nginx and PostgreSQL 15 are installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "cluster scenario: missing$missing, and neither root nor sudo to install them." >&2
    echo "Install them (apt-get install -y$missing) and run again." >&2
    exit 1
fi

echo "cluster scenario: installing$missing"
# A Debian package may start its service at install; nothing here needs that, and on a build machine that has no
# init system it fails. Debian's policy-rc.d hook (exit 101) holds services back for this install only.
policy=/usr/sbin/policy-rc.d
if [ -e "$policy" ]; then
    placed=""
else
    printf '#!/bin/sh\nexit 101\n' | $as_root tee "$policy" >/dev/null
    $as_root chmod 755 "$policy"
    placed="yes"
fi
install() {
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}
status=0
# Package lists may be missing or stale on a fresh machine: update them once if the install fails.
install || { $as_root apt-get update -q && install; } || status=$?
if [ -n "$placed" ]; then
    $as_root rm -f "$policy"
fi
exit "$status"
