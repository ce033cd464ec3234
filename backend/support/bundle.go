package support

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"xiaotongfu/backend/domain"
)

// MaxLogBytes is how much of each log file the zip takes: its newest part.
const MaxLogBytes = 4 << 20

// Bundle is what 导出诊断信息 writes. Config and Devices must already be free of secrets
// (the desktop's Config.Redacted); Logs are file paths, missing ones are left out.
type Bundle struct {
	Info    Info
	Config  any
	Devices any
	Checks  []Result
	Logs    []string
	Made    time.Time
}

// readme is the zip's first file: what is inside, for the shop and the technician.
const readme = `小通付诊断信息
about.json     版本、数据目录、平台模式、商户号与终端号
config.json    配置文件（已去掉终端令牌和数据库密码；不含任何密钥）
devices.json   打印机、盒子、截屏区域和快捷键设置
selftest.json  设备自检结果（打印机、盒子串口、快捷键、截屏区域）
logs/          运行日志（付款码只保留后四位）
`

// Write writes b as a zip to w.
func Write(w io.Writer, b Bundle) error {
	z := zip.NewWriter(w)
	if err := writeFiles(z, b); err != nil {
		_ = z.Close()
		return err
	}
	return z.Close()
}

// writeFiles adds every part of b to z.
func writeFiles(z *zip.Writer, b Bundle) error {
	if err := add(z, "README.txt", b.Made, []byte(readme)); err != nil {
		return err
	}
	parts := []struct {
		name string
		v    any
	}{{"about.json", b.Info}, {"config.json", b.Config}, {"devices.json", b.Devices}, {"selftest.json", selfTest(b.Checks)}}
	for _, p := range parts {
		data, err := json.MarshalIndent(p.v, "", "  ")
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if err := add(z, p.name, b.Made, data); err != nil {
			return err
		}
	}
	for _, path := range b.Logs {
		data, err := tail(path, MaxLogBytes)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := add(z, "logs/"+filepath.Base(path), b.Made, MaskCodes(data)); err != nil {
			return err
		}
	}
	return nil
}

// add stores one file in z.
func add(z *zip.Writer, name string, made time.Time, data []byte) error {
	w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: made})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// selfTest is selftest.json: the results with their details, which the UI never gets.
func selfTest(rs []Result) any {
	type row struct {
		Result
		Detail string `json:"detail,omitempty"`
	}
	out := make([]row, len(rs))
	for i, r := range rs {
		out[i] = row{Result: r, Detail: r.Detail}
	}
	return out
}

// tail reads the last max bytes of the file at path.
func tail(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > max {
		if _, err := f.Seek(st.Size()-max, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return io.ReadAll(f)
}

// digitRun finds runs of 16–24 digits, the lengths a payment code can have.
var digitRun = regexp.MustCompile(`\d{16,24}`)

// MaskCodes masks every payment code in a log once more (domain.MaskCode), so a code that a
// bug let into the log still does not leave the shop; order numbers and amounts stay.
func MaskCodes(log []byte) []byte {
	return digitRun.ReplaceAllFunc(log, func(run []byte) []byte {
		if _, err := domain.ChannelOfCode(string(run)); err != nil {
			return run
		}
		return []byte(domain.MaskCode(string(run)))
	})
}
