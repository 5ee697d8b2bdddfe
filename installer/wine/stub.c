/* STAND-IN for the PyInstaller programs batchtrace.exe and batchtrace-desktop.exe, used ONLY to exercise
 * installer/batchtrace.iss under Wine (installer/wine/check_windows_installer.sh). It is NOT BatchTrace: it does
 * no database work at all. Each run appends one line to C:\stub-calls.log:
 *   <full path of this exe> | cwd=<current directory> | args=<arg1> <arg2> ...
 * and exits 0, or with the number written in C:\stub-exit-code.txt when that file exists (to simulate a failing
 * 'db upgrade'). Built with x86_64-w64-mingw32-gcc: console for batchtrace.exe, -mwindows for the desktop one. */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    char exe[MAX_PATH] = "?", cwd[MAX_PATH] = "?";
    int code = 0;
    GetModuleFileNameA(NULL, exe, MAX_PATH);
    GetCurrentDirectoryA(MAX_PATH, cwd);
    FILE *log = fopen("C:\\stub-calls.log", "a");
    if (log != NULL) {
        fprintf(log, "%s | cwd=%s | args=", exe, cwd);
        for (int i = 1; i < argc; i++)
            fprintf(log, "%s%s", i > 1 ? " " : "", argv[i]);
        fputc('\n', log);
        fclose(log);
    }
    FILE *exit_file = fopen("C:\\stub-exit-code.txt", "r");
    if (exit_file != NULL) {
        if (fscanf(exit_file, "%d", &code) != 1)
            code = 0;
        fclose(exit_file);
    }
    return code;
}
