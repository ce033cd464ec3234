// SystemService: 设置 → 关于 (version, folders, terminal), 开机自动启动 and 导出诊断信息.
import * as G from '../../wailsjs/go/services/SystemService'
import { call } from './bridge'
import type { AboutInfo, DiagnosticsFile, DiagnosticsResult } from './types'

export const systemApi = {
  about: () => call<AboutInfo>(() => G.About()),
  setAutostart: (on: boolean) => call<AboutInfo>(() => G.SetAutostart(on)),
  exportDiagnostics: () => call<DiagnosticsResult>(() => G.ExportDiagnostics()),
  /** exportDiagnosticsDownload is exportDiagnostics for the browser: the zip comes back to download. */
  exportDiagnosticsDownload: () => call<DiagnosticsFile>(() => G.ExportDiagnosticsDownload()),
}
