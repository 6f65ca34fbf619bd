#!/bin/sh
# Puts Tandem in the current user's application menu on Linux: the desktop
# entry, the "Tandem plan" file type (*.tandem) and the icons, all under
# $XDG_DATA_HOME (~/.local/share unless set). Nothing outside it is touched
# and no root is needed. Safe to run again; `--uninstall` removes the files.
#
#   sh resources/desktop/install-desktop-entry.sh [--uninstall]
#
# The entry starts `tandem`, which must be on PATH: the pip-installed command,
# or a link to the built program, e.g.
#   ln -s "$PWD/dist/tandem/tandem" ~/.local/bin/tandem
set -eu

usage() {
    echo "usage: $0 [--uninstall]" >&2
    exit 2
}

action=install
case $# in
    0) ;;
    1) case $1 in
           --uninstall) action=uninstall ;;
           -h|--help) echo "usage: $0 [--uninstall]"; exit 0 ;;
           *) usage ;;
       esac ;;
    *) usage ;;
esac

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
icons=$here/../icons

# The XDG base directory spec: a relative XDG_DATA_HOME is to be ignored.
case ${XDG_DATA_HOME:-} in
    /*) data=$XDG_DATA_HOME ;;
    *) data=$HOME/.local/share ;;
esac

sizes="16 24 32 48 64 128 256 512"
entry=$data/applications/tandem.desktop
mime=$data/mime/packages/tandem-mime.xml
theme=$data/icons/hicolor

put() {  # put SOURCE TARGET: copy, creating the folder; overwrites
    if [ ! -f "$1" ]; then
        echo "install-desktop-entry: missing $1" >&2
        exit 1
    fi
    mkdir -p -- "$(dirname -- "$2")"
    cp -- "$1" "$2"
    chmod 644 -- "$2"
}

if [ "$action" = install ]; then
    put "$here/tandem.desktop" "$entry"
    put "$here/tandem-mime.xml" "$mime"
    for n in $sizes; do
        put "$icons/hicolor/${n}x$n/apps/tandem.png" "$theme/${n}x$n/apps/tandem.png"
    done
    put "$icons/tandem.svg" "$theme/scalable/apps/tandem.svg"
else
    rm -f -- "$entry" "$mime" "$theme/scalable/apps/tandem.svg"
    for n in $sizes; do
        rm -f -- "$theme/${n}x$n/apps/tandem.png"
    done
fi

# Refresh the caches desktops read, with whichever tools are installed.
if command -v update-mime-database >/dev/null 2>&1; then
    mkdir -p -- "$data/mime/packages"
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    mkdir -p -- "$data/applications"
    update-desktop-database -q "$data/applications"
fi
if [ -d "$theme" ]; then
    # A newer folder time tells GTK the theme changed. Like xdg-icon-resource,
    # rebuild the icon cache only where one exists: a cache nobody refreshes
    # would hide icons that other programs install here later.
    touch -- "$theme"
    if [ -f "$theme/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$theme"
    fi
fi

if [ "$action" = install ]; then
    echo "Installed Tandem's menu entry, file type and icons in $data"
    if ! command -v tandem >/dev/null 2>&1; then
        echo "Note: no 'tandem' command is on PATH; the menu entry starts 'tandem'." >&2
    fi
else
    echo "Removed Tandem's menu entry, file type and icons from $data"
fi
