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
; the uninstaller (unins000.exe/.dat) lives outside {app}: the IQ ('validate iq') flags every file in {app} that
; manifest.json does not list, so {app} must hold the bundle and nothing else
UninstallFilesDir={autopf}\BatchTrace Uninstall

[InstallDelete]
; an upgrade installs the new bundle's _internal, not a merge with the old one: files the new version no longer
; ships would stay behind and fail the IQ ("not in the manifest")
Type: filesandordirs; Name: "{app}\_internal"

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
; Run from [Code] (CurStepChanged), not from here: a [Run] entry's exit code is ignored, so a failed upgrade would
; end in "Setup completed". Setup exits with code 20 when it failed.
Filename: "{app}\batchtrace-desktop.exe"; Description: "Start BatchTrace"; Flags: postinstall nowait skipifsilent

[UninstallDelete]
; only what the installer put in {app}; the database, settings.json, devices.json and the backups in the user
; and common data folders are never deleted (GMP records outlive the program)
Type: filesandordirs; Name: "{app}\_internal"

[Code]
var
  DbUpgradeFailed: Boolean;

function HasDatabase(): Boolean;
begin
  { the SQLite default of the installing user; a shared PostgreSQL database is upgraded by its administrator }
  Result := FileExists(ExpandConstant('{localappdata}\BatchTrace\batchtrace.sqlite3'));
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Database: String;
begin
  if (CurStep <> ssPostInstall) or not HasDatabase() then
    Exit;
  WizardForm.StatusLabel.Caption := 'Backing up the database, then applying the migrations...';
  { --db names the file HasDatabase found: the installing user's settings may point this station at a shared
    PostgreSQL database, which only its owner upgrades }
  Database := ExpandConstant('{localappdata}\BatchTrace\batchtrace.sqlite3');
  StringChangeEx(Database, '\', '/', True);
  if Exec(ExpandConstant('{app}\batchtrace.exe'), '--db "sqlite:///' + Database + '" db upgrade',
          ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated, ResultCode) and (ResultCode = 0) then
    Exit;
  DbUpgradeFailed := True;
  Log(Format('db upgrade failed: exit code %d', [ResultCode]));
  SuppressibleMsgBox('BatchTrace is installed, but upgrading your database failed (exit code ' +
    IntToStr(ResultCode) + '). Run "batchtrace db upgrade" in a command prompt to see why, or start BatchTrace: ' +
    'it offers the upgrade again.', mbError, MB_OK, IDOK);
end;

function GetCustomSetupExitCode(): Integer;
begin
  if DbUpgradeFailed then
    Result := 20
  else
    Result := 0;
end;
