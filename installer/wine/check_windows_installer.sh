#!/bin/bash
# Compile installer/batchtrace.iss with the real Inno Setup 6.4.1 compiler and exercise the setup program it makes,
# all under Wine in a Debian 12 chroot (no Windows machine needed). Prints PASS/FAIL per check; exits 1 if any
# check failed, 2 if the environment could not be prepared.
#
#   sudo installer/wine/check_windows_installer.sh [ISS_FILE ...]
#
# ISS_FILE: the scripts to check, each in a fresh Wine prefix (default: installer/batchtrace.iss).
# Environment:
#   CHROOT  a Debian 12 chroot to use (default /var/tmp/wine), made once with
#             debootstrap --variant=minbase bookworm /var/tmp/wine http://deb.debian.org/debian
#           This script adds i386, installs wine wine32 wine64 xvfb gcc-mingw-w64-x86-64 curl in it (apt), and
#           fetches Inno Setup from the npm registry (package innosetup 6.4.1, ISCC.exe in package/bin).
#           Why a chroot: the host's apt could not install wine32:i386 (its i386 libraries did not match the
#           host's amd64 ones); a fresh bookworm chroot has one consistent package set.
# Needs: root (chroot, mount), network to deb.debian.org and registry.npmjs.org, python3 on the host able to import
# the project (app.validation.manifest writes and checks the manifest.json exactly as the IQ does).
#
# WHAT IS NOT REAL HERE (read before trusting a PASS):
# - batchtrace.exe and batchtrace-desktop.exe are STAND-INS built from installer/wine/stub.c (they log their
#   command line and working directory to C:\stub-calls.log). The bundle is not a PyInstaller build: PyInstaller
#   does not cross-compile. So "db upgrade ran" means the installer started the right program with the right
#   arguments in the right folder, not that a database was upgraded.
# - Wine is not Windows: no UAC elevation (Wine runs everything as an administrator), no other user accounts,
#   no antivirus/file locks, no real Restart Manager. Checks of those belong on a Windows machine.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CHROOT=${CHROOT:-/var/tmp/wine}
ISS_VERSION=6.4.1
ISS_SHA1=3f0f5908a6a0f4c1e47f2b389eaec39dd6ee7976  # the npm registry's dist.shasum of innosetup-6.4.1.tgz
APP_ID='{6F0C3C52-6D1B-4B7A-9B7E-BA7C47ACE015}'
WORK=/opt/bt-check            # inside the chroot
PFX=/root/.wine-bt-check      # the Wine prefix, inside the chroot
DISPLAY_NO=:77
if [ $# -gt 0 ]; then ISS_FILES=("$@"); else ISS_FILES=("$REPO/installer/batchtrace.iss"); fi

FAILS=0; PASSES=0
pass() { echo "PASS  $*"; PASSES=$((PASSES + 1)); }
fail() { echo "FAIL  $*"; FAILS=$((FAILS + 1)); }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
die() { echo "ERROR $*" >&2; exit 2; }
now() { date +%s; }
T_START=$(now)
phase() { echo; echo "=== $* (t+$(( $(now) - T_START ))s)"; }

[ "$(id -u)" = 0 ] || die "run as root (chroot, mount)"
[ -x "$CHROOT/usr/bin/apt-get" ] || die "$CHROOT is not a Debian chroot (see the header for debootstrap)"
for f in "${ISS_FILES[@]}"; do [ -f "$f" ] || die "no such file: $f"; done

MOUNTED_PROC=0; XVFB_PID=
cleanup() {
    if [ -x "$CHROOT/usr/bin/wineserver" ]; then chroot "$CHROOT" env WINEPREFIX=$PFX wineserver -k 2>/dev/null; fi
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    [ "$MOUNTED_PROC" = 1 ] && umount "$CHROOT/proc"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------- 1. the chroot
phase "1. Wine, Xvfb and MinGW in the chroot $CHROOT"
if ! mountpoint -q "$CHROOT/proc"; then mount -t proc proc "$CHROOT/proc" && MOUNTED_PROC=1 || die "mount proc"; fi
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
T=$(now)
chroot "$CHROOT" sh -c 'dpkg --add-architecture i386 && apt-get update -q >/dev/null &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    wine wine32 wine64 xvfb xauth gcc-mingw-w64-x86-64 ca-certificates curl >/tmp/apt-install.log 2>&1' \
  || { tail -30 "$CHROOT/tmp/apt-install.log"; die "apt-get install failed (above)"; }
echo "apt: $(( $(now) - T ))s; $(chroot "$CHROOT" wine --version); wine32: $(chroot "$CHROOT" dpkg-query -W -f='${Version}' wine32:i386)"

# ---------------------------------------------------------------------------------------------- 2. Inno Setup
phase "2. Inno Setup $ISS_VERSION from the npm registry"
TGZ="$CHROOT/opt/iss/innosetup-$ISS_VERSION.tgz"
mkdir -p "$CHROOT/opt/iss"
if [ ! -f "$TGZ" ] || [ "$(sha1sum < "$TGZ" | cut -d' ' -f1)" != $ISS_SHA1 ]; then
    curl -fsSL -o "$TGZ" "https://registry.npmjs.org/innosetup/-/innosetup-$ISS_VERSION.tgz" || die "download failed"
fi
[ "$(sha1sum < "$TGZ" | cut -d' ' -f1)" = $ISS_SHA1 ] || die "innosetup-$ISS_VERSION.tgz: SHA-1 is not the registry's"
rm -rf "$CHROOT/opt/iss/package" && tar -xzf "$TGZ" -C "$CHROOT/opt/iss" || die "unpack failed"
[ -f "$CHROOT/opt/iss/package/bin/ISCC.exe" ] || die "no package/bin/ISCC.exe in the npm package"
echo "ISCC: /opt/iss/package/bin/ISCC.exe (tgz SHA-1 $ISS_SHA1, as the registry lists it)"

# ---------------------------------------------------------------------------------------------- 3. stand-ins
phase "3. stand-in programs and bundles (NOT PyInstaller builds)"
rm -rf "${CHROOT:?}$WORK" && mkdir -p "$CHROOT$WORK/stub" "$CHROOT$WORK/repo/installer"
cp "$HERE/stub.c" "$CHROOT$WORK/stub/"
chroot "$CHROOT" sh -c "cd $WORK/stub && x86_64-w64-mingw32-gcc -O2 -s -o batchtrace.exe stub.c &&
  x86_64-w64-mingw32-gcc -O2 -s -mwindows -o batchtrace-desktop.exe stub.c" || die "stub build failed"
BUNDLE="$CHROOT$WORK/repo/dist/batchtrace"   # the README's layout: ISCC's default BundleDir is ..\dist\batchtrace
BUNDLE_WIN='Z:\opt\bt-check\repo\dist\batchtrace'
stage_bundle() {  # VERSION: a bundle whose _internal differs between 0.1.0 and 0.1.1 (one file dropped, one added)
    rm -rf "$BUNDLE" && mkdir -p "$BUNDLE/_internal/sub"
    cp "$CHROOT$WORK/stub/batchtrace.exe" "$CHROOT$WORK/stub/batchtrace-desktop.exe" "$BUNDLE/"
    printf 'STAND-IN bundle for checking batchtrace.iss under Wine; the .exe files are installer/wine/stub.c\n' \
        > "$BUNDLE/STAND-IN.txt"
    echo "stand-in $1" > "$BUNDLE/_internal/version.txt"
    echo "a library file of every version" > "$BUNDLE/_internal/sub/common.txt"
    if [ "$1" = 0.1.0 ]; then echo "only 0.1.0 ships this" > "$BUNDLE/_internal/sub/only-in-0.1.0.txt"
    else echo "only $1 ships this" > "$BUNDLE/_internal/only-in-$1.txt"; fi
    (cd "$REPO" && python3 -c "import sys; sys.path.insert(0, '.'); from pathlib import Path
from app.validation.manifest import write_manifest; write_manifest(Path(sys.argv[1]), sys.argv[2])" "$BUNDLE" "$1") \
        || die "write_manifest failed"
    rm -rf "$CHROOT$WORK/bundle-$1" && cp -a "$BUNDLE" "$CHROOT$WORK/bundle-$1"   # to compare with after install
}
echo "stubs: $(cd "$CHROOT$WORK/stub" && ls -l batchtrace.exe batchtrace-desktop.exe | awk '{print $NF" "$5"B"}' | tr '\n' ' ')"

# ---------------------------------------------------------------------------------------------- helpers
Xvfb_start() {
    chroot "$CHROOT" Xvfb $DISPLAY_NO -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 1
}
w() {  # run a Wine program in the prefix, wait for every process of the prefix to end; returns the program's code
    chroot "$CHROOT" env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY=$DISPLAY_NO WINEPREFIX=$PFX \
        WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' sh -c 'cd "$0" && wine "$@"; rc=$?; wineserver -w; exit $rc' \
        "${WDIR:-/}" "$@"
}
C="$CHROOT$PFX/drive_c"
APP="$C/Program Files/BatchTrace"
MENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs/BatchTrace"
DB="$C/users/root/AppData/Local/BatchTrace/batchtrace.sqlite3"
DB_WIN='C:\users\root\AppData\Local\BatchTrace\batchtrace.sqlite3'  # the same file as Wine shows it to setup
STUBLOG="$C/stub-calls.log"
ISCC='Z:\opt\iss\package\bin\ISCC.exe'
UNINSTALL_KEY="HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP_ID}_is1"
regval() {  # NAME: a value of the uninstall key, read in the 64-bit view (plain 'wine reg' reads the 32-bit one)
    w reg query "$UNINSTALL_KEY" /v "$1" /reg:64 2>/dev/null | tr -d '\r' | awk -v n="$1" '$1 == n {sub(/^[ \t]*[^ \t]+[ \t]+REG_[A-Z_]+[ \t]+/, ""); print}'; }
same_files() {  # BUNDLE_COPY APPDIR: every file of the bundle is installed, byte for byte
    python3 - "$1" "$2" <<'EOF'
import sys, pathlib
src, dst = map(pathlib.Path, sys.argv[1:])
bad = [p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()
       and (not (dst / p.relative_to(src)).is_file() or (dst / p.relative_to(src)).read_bytes() != p.read_bytes())]
print("      missing or different:", bad) if bad else None
sys.exit(1 if bad else 0)
EOF
}
iq_intact() {  # the IQ's own check (app.validation.manifest.check_manifest) on the installed folder
    (cd "$REPO" && python3 - "$1" <<'EOF'
import sys; sys.path.insert(0, ".")
from pathlib import Path
from app.validation.manifest import check_manifest
report = check_manifest(Path(sys.argv[1]))
print(f"      IQ 'Installed files': version {report.version}, {report.files} files in the manifest; "
      + ("intact" if report.intact else "; ".join(report.problems())))
sys.exit(0 if report.intact else 1)
EOF
    )
}
lnk_has() {  # LNK TEXT...: the shortcut names every TEXT (ANSI or UTF-16)
    python3 - "$@" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read().lower()
sys.exit(0 if all(t.lower().encode() in data or t.lower().encode("utf-16-le") in data for t in sys.argv[2:]) else 1)
EOF
}
stub_lines() { if [ -f "$STUBLOG" ]; then grep -c -- "$1" "$STUBLOG"; else echo 0; fi; }
compile() {  # VERSION [extra ISCC args]: prints the compiler output; returns ISCC's code
    local v=$1; shift
    WDIR=$WORK/repo w "$ISCC" "/DAppVersion=$v" "$@" 'installer\batchtrace.iss'
}
setup() {  # VERSION LOGNAME
    WDIR=$WORK/repo w "installer\\Output\\BatchTrace-$1-setup.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
        "/LOG=C:\\$2.log"
}

Xvfb_start
for ISS in "${ISS_FILES[@]}"; do
    LABEL=$(basename "$ISS")
    phase "checking $ISS (fresh Wine prefix)"
    cp "$ISS" "$CHROOT$WORK/repo/installer/batchtrace.iss"
    rm -rf "${CHROOT:?}$PFX" "$CHROOT$WORK/repo/installer/Output"
    T=$(now); w wineboot -i >/dev/null 2>&1; echo "wineboot: $(( $(now) - T ))s"
    [ -d "$C/windows" ] || die "wineboot did not create $PFX"

    # ---------------------------------------------------------------------------------- 4. compile
    phase "4. compile [$LABEL]"
    stage_bundle 0.1.0
    OUT=$(WDIR=$WORK/repo w "$ISCC" 'installer\batchtrace.iss' 2>&1 </dev/null); rc=$?
    check "[$LABEL] without /DAppVersion the compile stops (code $rc) with the script's #error" \
        sh -c "[ $rc -ne 0 ] && printf '%s' \"\$1\" | grep -q 'Give the version'" _ "$OUT"
    T=$(now); OUT=$(compile 0.1.0 2>&1 </dev/null); rc=$?
    check "[$LABEL] README form 'ISCC /DAppVersion=0.1.0 installer\\batchtrace.iss' (default BundleDir ..\\dist\\batchtrace) compiles (code $rc, $(( $(now) - T ))s)" \
        sh -c "[ $rc = 0 ] && printf '%s' \"\$1\" | grep -q 'Compressing: .*dist.batchtrace.batchtrace.exe'" _ "$OUT"
    rm -rf "$CHROOT$WORK/repo/installer/Output"
    T=$(now); OUT=$(compile 0.1.0 "/DBundleDir=$BUNDLE_WIN" 2>&1 </dev/null); rc=$?
    echo "---- full compiler output: ISCC /DAppVersion=0.1.0 /DBundleDir=$BUNDLE_WIN installer\\batchtrace.iss"
    printf '%s\n' "$OUT" | tr -d '\r'
    echo "---- end of compiler output (exit code $rc)"
    check "[$LABEL] compile 0.1.0 with /DBundleDir (code $rc, $(( $(now) - T ))s, no warnings)" \
        sh -c "[ $rc = 0 ] && [ -f '$CHROOT$WORK/repo/installer/Output/BatchTrace-0.1.0-setup.exe' ] &&
               ! printf '%s' \"\$1\" | grep -qi 'warning'" _ "$OUT"
    [ $rc = 0 ] || { echo "      (no setup program: the install checks of $LABEL are skipped)"; continue; }

    # ---------------------------------------------------------------------------------- 5a. fresh install
    phase "5a. fresh install 0.1.0 [$LABEL]"
    T=$(now); setup 0.1.0 setup-0.1.0 >/dev/null 2>&1; rc=$?
    check "[$LABEL] setup 0.1.0 /VERYSILENT exits 0 (code $rc, $(( $(now) - T ))s)" [ $rc = 0 ]
    check "[$LABEL] 64-bit install mode, into C:\\Program Files\\BatchTrace (not Program Files (x86))" \
        sh -c "grep -q '64-bit install mode: Yes' '$C/setup-0.1.0.log' && [ -d '$APP' ] && [ ! -e '$C/Program Files (x86)/BatchTrace' ]"
    check "[$LABEL] every file of the 0.1.0 bundle installed byte for byte (manifest.json, _internal\\ included)" \
        same_files "$CHROOT$WORK/bundle-0.1.0" "$APP"
    check "[$LABEL] Start menu (all users): BatchTrace.lnk -> {app}\\batchtrace-desktop.exe" \
        lnk_has "$MENU/BatchTrace.lnk" 'Program Files\BatchTrace\batchtrace-desktop.exe'
    check "[$LABEL] Start menu: 'BatchTrace installation check (IQ).lnk' -> cmd.exe /k \"...\\batchtrace.exe\" validate iq" \
        lnk_has "$MENU/BatchTrace installation check (IQ).lnk" 'cmd.exe' '/k "C:\Program Files\BatchTrace\batchtrace.exe" validate iq'
    check "[$LABEL] Start menu: 'Uninstall BatchTrace.lnk' -> the uninstaller" \
        lnk_has "$MENU/Uninstall BatchTrace.lnk" 'unins000.exe'
    check "[$LABEL] no database: 'db upgrade' NOT run" [ "$(stub_lines 'db upgrade')" = 0 ]
    check "[$LABEL] skipifsilent: the desktop program NOT started" [ "$(stub_lines batchtrace-desktop.exe)" = 0 ]
    check "[$LABEL] Apps & features entry (64-bit registry view): DisplayVersion 0.1.0" [ "$(regval DisplayVersion)" = 0.1.0 ]
    check "[$LABEL] IQ check of the fresh install: {app} holds exactly the files of manifest.json" iq_intact "$APP"

    # ---------------------------------------------------------------------------------- 5b. upgrade
    phase "5b. upgrade to 0.1.1 with an existing database [$LABEL]"
    mkdir -p "$(dirname "$DB")" && echo "not a real database: the installer must only pass it to 'db upgrade'" > "$DB"
    cp "$DB" "$CHROOT$WORK/db-before"
    stage_bundle 0.1.1
    T=$(now); OUT=$(compile 0.1.1 "/DBundleDir=$BUNDLE_WIN" 2>&1 </dev/null); rc=$?
    check "[$LABEL] compile 0.1.1 (code $rc, $(( $(now) - T ))s)" [ $rc = 0 ]
    : > "$STUBLOG"
    T=$(now); setup 0.1.1 setup-0.1.1 >/dev/null 2>&1; rc=$?
    check "[$LABEL] setup 0.1.1 /VERYSILENT over 0.1.0 exits 0 (code $rc, $(( $(now) - T ))s)" [ $rc = 0 ]
    echo "      stub log: $(tr -d '\r' < "$STUBLOG" | tr '\n' ' ')"
    DB_URL="sqlite:///$(printf '%s' "$DB_WIN" | tr '\\' '/')"
    check "[$LABEL] 'db upgrade' of exactly that file (--db $DB_URL) run once, by C:\\Program Files\\BatchTrace\\batchtrace.exe, in that folder" \
        [ "$(tr -d '\r' < "$STUBLOG")" = "C:\\Program Files\\BatchTrace\\batchtrace.exe | cwd=C:\\Program Files\\BatchTrace | args=--db $DB_URL db upgrade" ]
    check "[$LABEL] skipifsilent: the desktop program NOT started" [ "$(stub_lines batchtrace-desktop.exe)" = 0 ]
    check "[$LABEL] same folder reused (UsePreviousAppDir), program files replaced by 0.1.1's" \
        same_files "$CHROOT$WORK/bundle-0.1.1" "$APP"
    check "[$LABEL] Apps & features entry: DisplayVersion 0.1.1" [ "$(regval DisplayVersion)" = 0.1.1 ]
    check "[$LABEL] the database file untouched by the installer itself" cmp -s "$DB" "$CHROOT$WORK/db-before"
    check "[$LABEL] no file of 0.1.0 left that 0.1.1 does not ship (_internal\\sub\\only-in-0.1.0.txt)" \
        [ ! -e "$APP/_internal/sub/only-in-0.1.0.txt" ]
    check "[$LABEL] IQ check after the upgrade: {app} holds exactly the files of manifest.json" iq_intact "$APP"

    phase "5b'. a failing 'db upgrade' (the stand-in exits 3) [$LABEL]"
    echo 3 > "$C/stub-exit-code.txt"; : > "$STUBLOG"
    setup 0.1.1 setup-0.1.1-failing >/dev/null 2>&1; rc=$?
    rm -f "$C/stub-exit-code.txt"
    echo "      setup exit code $rc; setup log: $(grep -a -i -E 'exit code|db upgrade' "$C/setup-0.1.1-failing.log" | tr -d '\r' | sed 's/^[0-9-]* [0-9:.]* *//' | tr '\n' ' ')"
    check "[$LABEL] 'db upgrade' was run" [ "$(stub_lines 'db upgrade')" = 1 ]
    check "[$LABEL] a failed 'db upgrade' makes setup exit non-zero (silent installs can tell)" [ $rc != 0 ]

    # ---------------------------------------------------------------------------------- 5c. uninstall
    phase "5c. uninstall [$LABEL]"
    UNINS=$(regval UninstallString | tr -d '"')
    check "[$LABEL] the uninstall key names the uninstaller: $UNINS" [ -n "$UNINS" ]
    UNINS_DIR_UNIX=$(dirname "$C/$(printf '%s' "${UNINS#C:\\}" | tr '\\' '/')")
    : > "$STUBLOG"
    T=$(now); w "$UNINS" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART '/LOG=C:\uninstall.log' >/dev/null 2>&1
    echo "      uninstall: $(( $(now) - T ))s"
    LEFT=$( [ -d "$APP" ] && find "$APP" -type f | sed "s|$C/||" | tr '\n' ' ')
    check "[$LABEL] program folder removed (or only empty folders left)${LEFT:+; left: $LEFT}" [ -z "$LEFT" ]
    check "[$LABEL] uninstaller folder removed ($UNINS_DIR_UNIX)" [ -n "$UNINS" ] && [ ! -d "$UNINS_DIR_UNIX" ]
    check "[$LABEL] Start-menu folder removed" [ ! -e "$MENU" ]
    check "[$LABEL] Apps & features entry removed" [ -z "$(regval DisplayName)" ]
    check "[$LABEL] %LOCALAPPDATA%\\BatchTrace\\batchtrace.sqlite3 kept, unchanged" cmp -s "$DB" "$CHROOT$WORK/db-before"
    check "[$LABEL] the uninstaller started no BatchTrace program" [ ! -s "$STUBLOG" ]
done

phase "summary"
echo "$PASSES passed, $FAILS failed, $(( $(now) - T_START ))s"
[ $FAILS = 0 ]
