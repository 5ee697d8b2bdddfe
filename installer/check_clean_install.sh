#!/bin/bash
# The .deb on a clean system, as a new site would meet it (VAL-3), on demand (root, network to a Debian mirror;
# about 4 minutes): a minimal Debian 12 (debootstrap --variant=minbase: no X, no fonts, no OpenGL), then
#   1. apt install --no-install-recommends ./batchtrace_<version>_amd64.deb (only the declared Depends);
#   2. every library of /opt/batchtrace resolves (ldd with the bundle's own library path; only the optional GTK
#      theme plugin may miss its libraries);
#   3. batchtrace --version; the desktop entry validates (desktop-file-validate);
#   4. the desktop app in a real X window (Xvfb, xcb, keys typed with xdotool): the first start asks to create the
#      database (Return), the first administrator is typed from the keyboard alone, then the log-in window;
#      screenshots first-start.png, first-administrator.png, log-in.png in OUT;
#   5. batchtrace validate iq --out OUT/iq-report.docx --user admin (passes);
#   6. db backup, restore into a second empty database, audit verify there;
#   7. apt remove batchtrace: /opt/batchtrace gone, the user's database kept.
# The tools of steps 3-4 (xvfb, xdotool, imagemagick) are installed after steps 1-2, so they cannot supply a
# library the .deb forgot.
#
# Usage: sudo installer/check_clean_install.sh dist/batchtrace_<version>_amd64.deb [OUT] [--base DIR]
#   --base DIR: copy an existing minbase bookworm tree instead of running debootstrap.
# Prints PASS/FAIL per step, exits 1 on the first failure. Results of a run: installer/README.md.
set -u
DEB=$(readlink -f "${1:?give the .deb}")
OUT=$(readlink -f "${2:-clean-install-check}")
BASE=""
if [ "${3:-}" = "--base" ]; then BASE=$(readlink -f "${4:?--base needs a folder}"); fi
ROOTFS=$(mktemp -d /var/tmp/batchtrace-clean.XXXXXX)
mkdir -p "$OUT"
PASSWORD='Clean-install-2026'

cleanup() {
    for pid in /proc/[0-9]*; do  # whatever still runs inside the tree (Xvfb, the app) goes first
        [ "$(readlink "$pid/root")" = "$ROOTFS" ] && kill -9 "${pid#/proc/}" 2>/dev/null
    done
    sleep 1
    umount "$ROOTFS/proc" 2>/dev/null; umount "$ROOTFS/dev" 2>/dev/null || umount -l "$ROOTFS/dev"
    rm -rf --one-file-system "$ROOTFS"
}
trap cleanup EXIT
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; exit 1; }
in_root() { chroot "$ROOTFS" "$@"; }
as_user() { chroot "$ROOTFS" su - tester -c "$1"; }

if [ -n "$BASE" ]; then
    cp -a "$BASE/." "$ROOTFS/" || fail "copy of $BASE"
else
    debootstrap --variant=minbase bookworm "$ROOTFS" http://deb.debian.org/debian > "$OUT/debootstrap.log" 2>&1 \
        || fail "debootstrap (see $OUT/debootstrap.log)"
fi
mount -t proc proc "$ROOTFS/proc" && mount --bind /dev "$ROOTFS/dev" || fail "mounts"
cp "$DEB" "$ROOTFS/tmp/batchtrace.deb"
in_root apt-get update -q > "$OUT/apt.log" 2>&1 || fail "apt-get update"

# 1. only what the .deb declares
in_root apt-get install -y -q --no-install-recommends /tmp/batchtrace.deb >> "$OUT/apt.log" 2>&1 \
    || fail "apt install of $(basename "$DEB") (see $OUT/apt.log)"
pass "apt install --no-install-recommends $(basename "$DEB"): $(grep -c '^Setting up' "$OUT/apt.log") packages"

# 2. every library resolves
cat > "$ROOTFS/tmp/ldd-check.sh" <<'EOF'
export LD_LIBRARY_PATH=/opt/batchtrace/_internal
find /opt/batchtrace -type f \( -name '*.so*' -o -name batchtrace \) | while read -r f; do
    ldd "$f" 2>/dev/null | grep 'not found' | sed "s|^|$f:|"
done | grep -v '/platformthemes/libqgtk3.so:'
EOF
missing=$(in_root bash /tmp/ldd-check.sh)
[ -z "$missing" ] || { echo "$missing" | sort -u | head -20; fail "libraries not found"; }
pass "every library of /opt/batchtrace resolves (ldd)"

# 3. version and desktop entry
in_root useradd -m tester
version=$(as_user "batchtrace --version") || fail "batchtrace --version"
pass "batchtrace --version: $version"
in_root apt-get install -y -q --no-install-recommends xvfb xauth x11-apps xdotool imagemagick desktop-file-utils procps \
    >> "$OUT/apt.log" 2>&1 || fail "apt install of the test tools"
in_root desktop-file-validate /usr/share/applications/batchtrace.desktop || fail "desktop entry"
pass "desktop entry /usr/share/applications/batchtrace.desktop validates"

# 4. the desktop app in a real X window, driven from the keyboard
cat > "$ROOTFS/tmp/desktop.sh" <<EOF
shot() { xwd -root -silent | convert xwd:- "/tmp/\$1.png"; }
window() { for _ in \$(seq 40); do xdotool search --name "\$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
batchtrace > /tmp/desktop.log 2>&1 &
APP=\$!
window "BatchTrace" || { echo "no window"; exit 1; }
sleep 1; shot first-start
xdotool key Return
window "first administrator" || { echo "no first-administrator window"; exit 1; }
sleep 1
xdotool type --delay 20 admin; xdotool key Tab; xdotool type --delay 20 "Ada Admin"; xdotool key Tab
xdotool type --delay 20 '$PASSWORD'; xdotool key Tab; xdotool type --delay 20 '$PASSWORD'
shot first-administrator
xdotool key Return
window "log in" || { echo "no log-in window"; exit 1; }
sleep 1; shot log-in
kill \$APP
EOF
as_user "xvfb-run -a -s '-screen 0 1280x800x24' bash /tmp/desktop.sh" > "$OUT/desktop.out" 2>&1
shown=$?
cp "$ROOTFS"/tmp/*.png "$ROOTFS/tmp/desktop.log" "$OUT/" 2>/dev/null
[ $shown = 0 ] || { cat "$OUT/desktop.out" "$OUT/desktop.log"; fail "desktop app in an X window (screenshots in $OUT)"; }
pass "desktop app (Xvfb, xcb): database created, first administrator typed, log-in window; screenshots in $OUT"

# 5. IQ, registered by the administrator just created
as_user "printf '%s\n' '$PASSWORD' | batchtrace validate iq --out /tmp/iq-report.docx --user admin" \
    > "$OUT/iq.out" 2>&1 || { cat "$OUT/iq.out"; fail "IQ"; }
cp "$ROOTFS/tmp/iq-report.docx" "$ROOTFS/tmp/iq-report.pdf" "$OUT/" 2>/dev/null
grep -q "IQ PASSED" "$OUT/iq.out" || fail "IQ (no IQ PASSED line)"
pass "IQ passed: $(grep -c '^PASS' "$OUT/iq.out") checks; report iq-report.docx"

# 6. backup, restore elsewhere, verify there
as_user "batchtrace db backup /tmp/site.backup && \
         batchtrace --db sqlite:////tmp/restored.sqlite3 db restore /tmp/site.backup && \
         batchtrace --db sqlite:////tmp/restored.sqlite3 audit verify" > "$OUT/backup.out" 2>&1 \
    || { cat "$OUT/backup.out"; fail "backup, restore, verify"; }
pass "backup, restore into an empty database, audit verify there"

# 7. removal keeps the database
in_root apt-get remove -y -q batchtrace >> "$OUT/apt.log" 2>&1 || fail "apt remove"
[ ! -e "$ROOTFS/opt/batchtrace/batchtrace" ] || fail "apt remove left the program"
[ -s "$ROOTFS/home/tester/.local/share/BatchTrace/batchtrace.sqlite3" ] || fail "apt remove took the database"
pass "apt remove batchtrace: the program is gone, the database is kept"
echo "ALL PASSED"
