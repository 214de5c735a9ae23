/* ProcessPrng for Wine 8.0, which lacks it: Go 1.26 programs call it at
   start-up (runtime/os_windows.go). Test-only; see wine_test.go. */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T n) {
  while (n > 0) {
    ULONG k = n > 0x10000000 ? 0x10000000 : (ULONG)n;
    if (!RtlGenRandom(data, k)) return FALSE;
    data += k; n -= k;
  }
  return TRUE;
}
