/*
 * bcryptprimitives.dll for Wine 8: Go >= 1.22 loads ProcessPrng from this system32 DLL at
 * start-up, and Wine 8.0 ships no such DLL, so every Go exe dies with "bcryptprimitives.dll
 * not found". This stand-in exports ProcessPrng on top of advapi32's SystemFunction036
 * (RtlGenRandom). It is built by scripts/wine-test.sh for the test prefix only; the shipped
 * exe and real Windows never see it.
 */
#include <windows.h>
#include <ntsecapi.h>

/* ProcessPrng fills data with size random bytes, in chunks RtlGenRandom's ULONG length can
 * carry. Like the real one it never fails, so a failure to get random bytes terminates the
 * process rather than handing back predictable bytes. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!RtlGenRandom(data, n))
			ExitProcess(0xC0000001);
		data += n;
		size -= n;
	}
	return TRUE;
}
