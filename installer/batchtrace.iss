; Inno Setup script for the Windows installer of BatchTrace (VAL-3). Build steps: installer/README.md.
; Per machine (Program Files, all users), Start-menu entry, an uninstaller that never touches the database,
; and an upgrade that backs up the SQLite database before it runs the migrations ('db upgrade').
;
; Compile: iscc /DAppVersion=0.1.0 /DBundleDir=..\dist\batchtrace installer\batchtrace.iss

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z (it must equal the package version in manifest.json)
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\batchtrace"
#endif

[Setup]
AppId={{6F0C3C52-6D1B-4B7A-9B7E-BA7C47ACE015}
AppName=BatchTrace
AppVersion={#AppVersion}
AppPublisher=BatchTrace
DefaultDirName={autopf}\BatchTrace
DefaultGroupName=BatchTrace
; per machine: needs administrator rights, installs for all users
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=BatchTrace-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\batchtrace-desktop.exe
; an upgrade replaces the program files in place; the database lives in the user data folder, never in {app}
UsePreviousAppDir=yes
CloseApplications=yes

[Files]
; the whole PyInstaller folder, manifest.json included (the IQ compares the installed files with it)
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\BatchTrace"; Filename: "{app}\batchtrace-desktop.exe"
Name: "{group}\BatchTrace installation check (IQ)"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\batchtrace.exe"" validate iq"
Name: "{group}\Uninstall BatchTrace"; Filename: "{uninstallexe}"

[Run]
; Upgrade: 'db upgrade' first copies the installing user's SQLite database as the earlier version left it (SQLite
; online backup, to backups\batchtrace-<revision>-before-upgrade-<UTC time>.sqlite3 beside it; no copy, no
; migration), then applies the migrations this version ships; on a current database it does nothing. Every other
; user of this machine is asked at their first start of the new version, which does the same (backup, then
; migrations). Skipped on a fresh install without a database: the first start creates it.
Filename: "{app}\batchtrace.exe"; Parameters: "db upgrade"; \
  StatusMsg: "Backing up the database, then applying the migrations..."; Flags: runhidden waituntilterminated; \
  Check: HasDatabase
Filename: "{app}\batchtrace-desktop.exe"; Description: "Start BatchTrace"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; only what the installer put in {app}; the database, settings.json, devices.json and the backups in the user
; and common data folders are never deleted (GMP records outlive the program)
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function HasDatabase(): Boolean;
begin
  { the SQLite default of the installing user; a shared PostgreSQL database is upgraded by its administrator }
  Result := FileExists(ExpandConstant('{localappdata}\BatchTrace\batchtrace.sqlite3'));
end;
