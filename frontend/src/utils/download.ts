// Files for the browser: in the README's browser mode (the app under Xvfb, the UI at
// http://localhost:34115) a native save dialog would open on a screen nobody sees, so
// exports and pictures are offered as downloads instead.

/** isBrowserMode says whether the UI runs in a plain browser rather than the app's window. */
export function isBrowserMode(w: Window = window): boolean {
  const x = w as unknown as {
    chrome?: { webview?: unknown }
    webkit?: { messageHandlers?: { external?: unknown } }
  }
  // WebView2 (Windows) and WebKitGTK (Linux) are the app's window; anything else is a browser.
  return !x.chrome?.webview && !x.webkit?.messageHandlers?.external
}

/** mimeOf names the type of a file by its extension. */
function mimeOf(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv'
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (name.endsWith('.png')) return 'image/png'
  if (name.endsWith('.zip')) return 'application/zip'
  return 'application/octet-stream'
}

/** offerDownload hands base64 data to the browser as a download called name. */
export function offerDownload(name: string, base64: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeOf(name) }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
