#!/bin/sh
# run-e2e.sh LANG: runs test_superstore_gui.py against the built window,
# in English (LANG "en") or in French ("fr").
#
# The window and the test share one Xvfb display and one D-Bus session,
# on which GTK starts the accessibility bus.  HOME and the XDG folders
# are fresh temporary folders and GSettings lives in memory, so the
# window starts as on a first run and nothing of the developer's is read
# or written.
#
# Reads PALIER_BUILD_DIR, PALIER_SOURCE_DIR and PALIER_SHARED_DIR (else
# PALIER_SHARED_DIR_DEFAULT), which tests/gui/meson.build sets.  Exits
# 77 (skipped) without the shared datasets or without dogtail.

set -u

lang=${1:?usage: run-e2e.sh en|fr}
build_dir=${PALIER_BUILD_DIR:?PALIER_BUILD_DIR is not set}
source_dir=${PALIER_SOURCE_DIR:?PALIER_SOURCE_DIR is not set}
shared_dir=${PALIER_SHARED_DIR:-${PALIER_SHARED_DIR_DEFAULT:-}}

skip () {
  echo "SKIP: $1"
  exit 77
}

fail () {
  echo "FAIL: $1" >&2
  exit 1
}

if [ -z "$shared_dir" ] || [ ! -f "$shared_dir/data/real/superstore/superstore.csv" ]; then
  skip "the shared datasets are not at “$shared_dir”; set PALIER_SHARED_DIR to the folder that holds data/real/superstore"
fi

# Debian's interpreter: the python3 first on PATH may not see Debian's
# dogtail and pyatspi.
python=/usr/bin/python3
if ! "$python" -c 'import dogtail.config, pyatspi' >/dev/null 2>&1; then
  skip "dogtail is not installed for $python (Debian packages python3-dogtail and python3-pyatspi)"
fi

for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian packages xvfb, xauth and dbus-daemon)"
done

case "$lang" in
  en)
    locale_env="LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE="
    ;;
  fr)
    # Without the locale the window silently stays in English.
    if ! locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; then
      fail "the fr_FR.UTF-8 locale is not generated; run: localedef -i fr_FR -f UTF-8 fr_FR.UTF-8"
    fi
    locale_env="LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 LANGUAGE=fr"
    ;;
  *)
    fail "unknown language “$lang”; use en or fr"
    ;;
esac

app="$build_dir/src/app/palier"
[ -x "$app" ] || fail "$app is not built"

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/palier-e2e-$lang.XXXXXX") || fail "cannot create a temporary folder"
trap 'rm -rf "$work_dir"' EXIT
mkdir -p "$work_dir/home" "$work_dir/data" "$work_dir/config" "$work_dir/cache" "$work_dir/runtime"
chmod 700 "$work_dir/runtime"

# shellcheck disable=SC2086 # locale_env holds several assignments.
env -u DISPLAY -u WAYLAND_DISPLAY -u GTK_A11Y -u AT_SPI_BUS_ADDRESS \
    -u DBUS_SESSION_BUS_ADDRESS -u GTK_THEME -u GDK_SCALE \
    HOME="$work_dir/home" \
    XDG_DATA_HOME="$work_dir/data" \
    XDG_CONFIG_HOME="$work_dir/config" \
    XDG_CACHE_HOME="$work_dir/cache" \
    XDG_RUNTIME_DIR="$work_dir/runtime" \
    GSETTINGS_BACKEND=memory \
    GSETTINGS_SCHEMA_DIR="$build_dir/data/app" \
    PALIER_SAMPLE_WORKSPACE="$build_dir/data/sample/sample.palier" \
    GDK_BACKEND=x11 \
    GSK_RENDERER=cairo \
    TZ=UTC \
    $locale_env \
  xvfb-run -a -s '-screen 0 1280x900x24' \
  dbus-run-session -- \
  "$python" "$source_dir/tests/gui/e2e/test_superstore_gui.py" \
    --lang "$lang" \
    --app "$app" \
    --build-dir "$build_dir" \
    --shared-dir "$shared_dir" \
    --work-dir "$work_dir"
