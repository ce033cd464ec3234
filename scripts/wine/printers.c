/*
 * printers.exe for scripts/wine-test.sh: prints the spooler's printer names, one a line.
 * Wine adds the CUPS queues to its registry when a program first loads winspool.drv, and the
 * test script needs receipt58's registry key before the tests run, to set its port.
 */
#include <windows.h>
#include <stdio.h>

int main(void)
{
	DWORD size = 0, count = 0;
	PRINTER_INFO_4W *info;

	EnumPrintersW(PRINTER_ENUM_LOCAL, NULL, 4, NULL, 0, &size, &count);
	if (size == 0)
		return 0;
	info = malloc(size);
	if (info == NULL || !EnumPrintersW(PRINTER_ENUM_LOCAL, NULL, 4, (BYTE *)info, size, &size, &count))
		return 1;
	for (DWORD i = 0; i < count; i++)
		printf("%ls\n", info[i].pPrinterName);
	return 0;
}
