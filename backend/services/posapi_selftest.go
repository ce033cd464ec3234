package services

import (
	"net/http"
	"time"

	"xiaotongfu/backend/domain"
)

// PosTest is the answer of 测试 on the POS API: the address asked and how long the answer took.
type PosTest struct {
	Addr string `json:"addr"`
	Ms   int64  `json:"ms"`
}

// CodePosOff is the refusal of a test while the POS API is not listening.
const CodePosOff domain.Code = "pos_off"

// TestPos asks the running API over loopback HTTP with the current key, as the cashier
// software would (the admin only), so the shop sees it answer before giving the key away.
func (s *PosService) TestPos() (PosTest, error) {
	if err := s.c.requireAdmin(); err != nil {
		return PosTest{}, err
	}
	s.mu.Lock()
	addr := s.status.Addr
	s.mu.Unlock()
	if addr == "" {
		return PosTest{}, domain.Errorf(CodePosOff, "收银软件接口未开启")
	}
	req, err := http.NewRequest(http.MethodGet, "http://"+addr+"/v1/openapi.yaml", nil)
	if err != nil {
		return PosTest{}, err
	}
	req.Header.Set("Authorization", "Bearer "+s.key())
	start := time.Now()
	resp, err := (&http.Client{Timeout: 3 * time.Second}).Do(req)
	if err != nil {
		return PosTest{}, domain.Errorf(domain.CodeUnavailable, "收银软件接口没有应答：%v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return PosTest{}, domain.Errorf(domain.CodeUnavailable, "收银软件接口应答 %d", resp.StatusCode)
	}
	return PosTest{Addr: addr, Ms: time.Since(start).Milliseconds()}, nil
}
