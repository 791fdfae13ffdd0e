; Fanwen (范文填写助手) Windows installer: a per-user install that needs no administrator rights.
;
; Built by scripts/build_release.py, or by hand on Windows after `pyinstaller build.spec`:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 installer\windows\fanwen.nsi
; VERSION is app.__version__ (src/app/__init__.py). Paths are relative to this folder (makensis
; works from here): SOURCE_DIR, the PyInstaller one-folder bundle (fanwen.exe, fanwen-cli.exe,
; _internal\), defaults to ..\..\dist\fanwen; OUTFILE to ..\..\dist\fanwen-VERSION-setup.exe.
; Installs to %LOCALAPPDATA%\Programs\Fanwen; Start-menu shortcut, optional desktop shortcut,
; .fanwen drafts open with Fanwen (HKCU\Software\Classes), uninstaller registered under HKCU.
; `/ALLUSERS` (run as administrator, e.g. `setup.exe /S /ALLUSERS` from a deployment tool)
; installs for every user of the PC instead: %ProgramFiles%\Fanwen, the all-users Start menu and
; desktop, HKLM. The registry root is SHCTX, which SetShellVarContext points at HKCU or HKLM.

Unicode true
ManifestDPIAware true
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"  ; -DCOMPRESSOR=zlib for a quick check of the script
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "pass the package version: -DVERSION=x.y.z (scripts/build_release.py does)"
!endif
!ifndef VERSION_QUAD
  !error "pass the numeric version: -DVERSION_QUAD=x.y.z.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\fanwen"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\fanwen-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\fanwen.ico"
!endif

!define APP_NAME "范文填写助手"
!define APP_ID "Fanwen"
!define APP_EXE "fanwen.exe"
!define PROG_ID "Fanwen.Draft"
!define PUBLISHER "Fanwen team"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"
!define SHCNE_ASSOCCHANGED 0x08000000
!define SHCNF_IDLIST 0

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Var AllUsers

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "welcome.bmp"  ; scripts/make_icons.py draws it
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "admin"
      MessageBox MB_ICONSTOP "为所有用户安装（/ALLUSERS）需要管理员权限。" /SD IDOK
      SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
    StrCpy $AllUsers 1
    ; /D= on the command line still wins ($LOCALAPPDATA read before the context changes)
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP_ID}"
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_ID}"
    ${EndIf}
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Function un.onInit
  ; installed for all users when the machine-wide uninstall entry names this folder
  ReadRegStr $R0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $R0 == $INSTDIR
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Section "!${APP_NAME}（必需）" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an update replaces the whole program folder, so no file of an older version lingers
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; .fanwen drafts open with Fanwen (for this user, or with /ALLUSERS for every user)
  WriteRegStr SHCTX "Software\Classes\.fanwen" "" "${PROG_ID}"
  WriteRegStr SHCTX "Software\Classes\.fanwen\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}" "" "范文填写草稿"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i ${SHCNF_IDLIST}, p 0, p 0)'

  ; Apps & features / Programs and Features, for this user (all users: HKLM)
  ${If} $AllUsers == 0
    WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  ${EndIf}
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; only the files the installer put there: a folder the user chose may hold other things
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\fanwen.exe"
  Delete "$INSTDIR\fanwen-cli.exe"
  Delete "$INSTDIR\fanwen"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; the file type, unless another program has taken .fanwen over since
  ReadRegStr $0 SHCTX "Software\Classes\.fanwen" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey SHCTX "Software\Classes\.fanwen"
  ${Else}
    DeleteRegValue SHCTX "Software\Classes\.fanwen\OpenWithProgids" "${PROG_ID}"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i ${SHCNF_IDLIST}, p 0, p 0)'

  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
