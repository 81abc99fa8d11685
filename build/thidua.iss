; Inno Setup 6 script of ThiĐua's installer, ThiDua-Setup-<version>.exe, made by the release
; workflow (.github/workflows/windows.yml) from the one-folder PyInstaller build dist\ThiDua\:
;
;   iscc /DAppVersion=0.1.0 "/DAppPublisher=UBND phường" build\thidua.iss
;
; The two defines come from desktop/__init__.py (`python build/version.py --iscc` prints them), so
; the version and the publisher live in one place; the installer lands in dist\.
;
; For the clerk's account only, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\ThiDua ({autopf} is {userpf} in non administrative install mode), the
; shortcuts to the clerk's own Start menu and desktop.
;
; THE DATA FOLDER IS NEVER TOUCHED. The ward's data lives apart from the program, in
; %LOCALAPPDATA%\ThiDua (desktop/paths.py, user_data_root), beside but outside %LOCALAPPDATA%\Programs,
; or in ThiDua\data beside the program in portable mode. Neither is installed by this script, so the
; uninstaller, which removes only what it installed, leaves them; and no [InstallDelete] or
; [UninstallDelete] entry below names them, nor uses a wildcard on {app} (tests/build check this).
; Installing a newer version over an older one keeps the data too: same AppId, same folder.

#ifndef AppVersion
  #error AppVersion is missing: pass /DAppVersion=... (python build/version.py --iscc)
#endif
#ifndef AppPublisher
  #error AppPublisher is missing: pass /DAppPublisher=... (python build/version.py --iscc)
#endif
#ifndef DistDir
  #define DistDir "..\dist\ThiDua"
#endif

[Setup]
; Fixed for good: a newer installer with the same AppId finds this installation (its folder, its
; shortcuts, its uninstaller) and upgrades it in place. Never change it.
AppId={{4275AE47-F134-4993-872B-3B13F3A50EFD}
AppName=ThiĐua
AppVersion={#AppVersion}
AppVerName=ThiĐua {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoProductName=ThiĐua
VersionInfoDescription=Chương trình cài đặt ThiĐua
PrivilegesRequired=lowest
DefaultDirName={autopf}\ThiDua
UsePreviousAppDir=yes
; The clerk is not asked where to install nor for a Start-menu folder: one shortcut, at the top of
; the Start menu. /DIR= on the command line still chooses the folder (the workflow's trial install).
DisableDirPage=yes
DisableProgramGroupPage=yes
; PyInstaller builds the app for 64-bit Windows 10 or later (PySide6 6 runs on nothing older).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=ThiDua-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\thidua.ico
UninstallDisplayName=ThiĐua
UninstallDisplayIcon={app}\ThiDua.exe
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running ThiĐua is closed (Restart Manager) before its files are replaced, never restarted by Setup.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
; Inno Setup ships no Vietnamese translation (Vietnamese.isl is among the unofficial ones, not
; installed with it), so the English messages are the base and every text this installer shows is
; given in Vietnamese in [Messages] and [CustomMessages] below.
Name: "vi"; MessagesFile: "compiler:Default.isl"

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build. A portable.txt would send the installed program's data into its own
; folder, and a self-test's note is no part of the program: neither is installed.
Source: "{#DistDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\thidua-selftest.txt,\data\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An older version's bundled libraries (Qt, Python packages) change names between releases; the
; stale ones must not be loaded by the new program. Only this folder of the program is cleared,
; never {app} as a whole and never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
; The note `ThiDua.exe --self-test` leaves beside the program (a windowed program has no console).
Type: files; Name: "{app}\thidua-selftest.txt"

[Icons]
Name: "{autoprograms}\ThiĐua"; Filename: "{app}\ThiDua.exe"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\ThiĐua"; Filename: "{app}\ThiDua.exe"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\ThiDua.exe"; Description: "{cm:LaunchProgram,ThiĐua}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
NameAndVersion=%1 phiên bản %2
AdditionalIcons=Lối tắt:
CreateDesktopIcon=Tạo lối tắt ngoài &màn hình nền
LaunchProgram=Mở %1 ngay
UninstallProgram=Gỡ cài đặt %1
ShortcutComment=Quản lý phong trào thi đua của phường

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi
SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Tiếp tục?
LdrCannotCreateTemp=Không tạo được tệp tạm. Cài đặt dừng lại.
LdrCannotExecTemp=Không chạy được tệp trong thư mục tạm. Cài đặt dừng lại.
SetupFileMissing=Thiếu tệp %1 trong thư mục cài đặt. Hãy tải lại bộ cài đặt.
SetupFileCorrupt=Bộ cài đặt bị hỏng. Hãy tải lại bộ cài đặt.
InvalidParameter=Dòng lệnh có một tham số không hợp lệ:%n%n%1
SetupAlreadyRunning=Chương trình cài đặt đang chạy rồi.
WindowsVersionNotSupported=ThiĐua không chạy được trên phiên bản Windows của máy này.
OnlyOnTheseArchitectures=Chỉ cài được trên Windows dành cho bộ xử lý:%n%n%1
WinVersionTooLowError=Cần %1 phiên bản %2 trở lên.
SetupAppRunningError=%1 đang mở.%n%nHãy đóng %1 rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
UninstallAppRunningError=%1 đang mở.%n%nHãy đóng %1 rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
ErrorCreatingDir=Không tạo được thư mục “%1”
ErrorTooManyFilesInDir=Không tạo được tệp trong thư mục “%1” vì thư mục có quá nhiều tệp
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, ThiĐua sẽ chưa được cài.%n%nCó thể chạy lại bộ cài đặt lúc khác.%n%nThoát cài đặt?
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=OK
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có cho &tất cả
ButtonNo=&Không
ButtonNoToAll=K&hông cho tất cả
ButtonFinish=&Hoàn tất
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát.
DiskSpaceWarningTitle=Không đủ chỗ trống
DiskSpaceWarning=Cần ít nhất %1 KB trống để cài đặt, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
WizardSelectTasks=Chọn thêm
SelectTasksDesc=Cài đặt có làm thêm việc gì không?
SelectTasksLabel2=Chọn những việc muốn làm thêm khi cài đặt [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Đã sẵn sàng cài [name] vào máy.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem lại lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
ReadyMemoDir=Thư mục cài đặt:
ReadyMemoTasks=Việc làm thêm:
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Đang chuẩn bị cài đặt [name] vào máy.
PreviousInstallNotCompleted=Lần cài đặt hoặc gỡ cài đặt trước chưa xong. Hãy khởi động lại máy rồi chạy lại bộ cài đặt [name].
CannotContinue=Không thể tiếp tục. Bấm Hủy để thoát.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để bộ cài đặt tự đóng chúng (dữ liệu đã lưu không mất).
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để bộ cài đặt tự đóng chúng (dữ liệu đã lưu không mất).
CloseApplications=&Tự đóng các chương trình này
DontCloseApplications=&Không đóng
ErrorCloseApplications=Không tự đóng được mọi chương trình. Hãy tự đóng ThiĐua rồi tiếp tục.
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi [name] được cài vào máy.
FinishedHeadingLabel=Đã cài đặt xong [name]
FinishedLabelNoIcons=[name] đã được cài vào máy.
FinishedLabel=[name] đã được cài vào máy. Mở chương trình bằng lối tắt ThiĐua trong menu Start hoặc ngoài màn hình nền. Dữ liệu của phường nằm trong thư mục riêng, không bị bộ cài đặt thay đổi.
ClickFinish=Bấm Hoàn tất để đóng bộ cài đặt.
StatusClosingApplications=Đang đóng các chương trình...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang chép tệp...
StatusCreateIcons=Đang tạo lối tắt...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất...
StatusRestartingApplications=Đang mở lại các chương trình...
StatusRollback=Đang hoàn lại các thay đổi...
ErrorReplacingExistingFile=Lỗi khi thay tệp đang có:
ErrorCopying=Lỗi khi chép tệp:
ErrorCreatingTemp=Lỗi khi tạo tệp trong thư mục cài đặt:
ErrorReadingExistingDest=Lỗi khi đọc tệp đang có:
ErrorExecutingProgram=Không chạy được tệp:%n%1
UninstallNotFound=Không có tệp “%1”. Không gỡ cài đặt được.
UninstallOpenError=Không mở được tệp “%1”. Không gỡ cài đặt được
UninstallDataCorrupted=Tệp “%1” bị hỏng. Không gỡ cài đặt được
ConfirmUninstall=Gỡ %1 khỏi máy?%n%nDữ liệu của phường (thư mục ThiDua trong AppData\Local, các bản sao lưu) được giữ nguyên; cài lại ThiĐua là dùng tiếp được.
UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy.
UninstalledAll=Đã gỡ %1 khỏi máy. Dữ liệu của phường vẫn còn nguyên trong thư mục ThiDua (AppData\Local).
UninstalledMost=Đã gỡ %1.%n%nMột vài thành phần không gỡ được; có thể tự xóa chúng.
WizardUninstalling=Gỡ cài đặt
StatusUninstalling=Đang gỡ %1...
