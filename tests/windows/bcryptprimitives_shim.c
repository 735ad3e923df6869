/*
 * Test scaffolding for running the Windows build under Wine 8, never shipped.
 *
 * Rust's standard library gets random bytes from ProcessPrng in bcryptprimitives.dll (Windows 10
 * and later). Debian's Wine 8.0 has no such DLL, so the executable does not start. Placed beside
 * the executable, this DLL provides ProcessPrng on top of RtlGenRandom (SystemFunction036 in
 * advapi32), which Wine has. Built by scripts/check-windows.sh.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffffu ? 0x7fffffffu : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
