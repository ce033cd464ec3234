package platform

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// RequestInitCode sends an initialisation code to the merchant's registered phone (manual
// §1). An unregistered merchant number is answered with merchant_unknown (merchant_lookup.go).
func (s *Service) RequestInitCode(ctx context.Context, merchantNo string) (*SMSChallenge, error) {
	m, err := s.initMerchant(ctx, merchantNo, "请求初始化验证码")
	if err != nil {
		return nil, err
	}
	return s.sendCode(ctx, smsKey{merchant: m, purpose: purposeInit})
}

// VerifyInitCode checks the initialisation code and returns a grant with the stores.
func (s *Service) VerifyInitCode(ctx context.Context, merchantNo, code string) (*Grant, error) {
	m, err := s.initMerchant(ctx, merchantNo, "校验初始化验证码")
	if err != nil {
		return nil, err
	}
	k := smsKey{merchant: m, purpose: purposeInit}
	if err := s.checkCode(ctx, k, code); err != nil {
		return nil, err
	}
	return s.issueGrant(ctx, k)
}

// CompleteInit binds this PC to the chosen store and puts admin 01 back to the initial
// password, unlocked and unbound, so the first login (or a forgotten admin password, §3.1)
// works; that first login must change the password before anything else (caller.go). It
// returns the terminal token. machineID (32 hex digits from the PC's data folder, or "" from
// a desktop that has none) names the PC: a PC initialised again for the same merchant gets
// its terminal (number, trades, bound accounts) back with a new token, and the old token
// stops working. The grant is checked before any other work, and refused grants are limited
// per client address.
func (s *Service) CompleteInit(ctx context.Context, grantToken string, storeID uint, machineID string) (*TerminalInfo, error) {
	if err := validMachineID(machineID); err != nil {
		return nil, err
	}
	r, err := s.reserve(ctx, grantLimits(ctx)...)
	if err != nil {
		s.audit(ctx, auditEntry{Action: AuditInitRefused, Detail: "初始化请求过多，已拒绝"})
		return nil, err
	}
	term, m, token, again, err := s.createTerminal(ctx, grantToken, storeID, machineID)
	if err != nil {
		if domain.CodeOf(err) == domain.CodeUnauthenticated {
			r.keep(ctx)
			s.audit(ctx, auditEntry{Action: AuditInitRefused, Detail: "初始化凭证无效"})
		} else {
			r.release(ctx)
		}
		return nil, err
	}
	r.release(ctx)
	how := "初始化"
	if again {
		how = "重新初始化（同一台电脑，沿用终端号）"
	}
	s.audit(ctx, auditEntry{MerchantID: m.ID, TerminalID: term.ID, Actor: domain.AdminAccount, Action: AuditInit,
		Detail: fmt.Sprintf("终端 %s %s，门店 %d；管理员密码恢复为初始密码，首次登录须修改", term.TermNo, how, storeID), OK: true})
	info, err := s.terminalInfo(ctx, term, m)
	if err != nil {
		return nil, err
	}
	info.Token = token
	return info, nil
}

// validMachineID accepts "" (a desktop without a machine id) or 32 lowercase hex digits.
func validMachineID(id string) error {
	if id == "" || reMachineID.MatchString(id) {
		return nil
	}
	return domain.FieldError("machineId", "电脑标识格式不正确")
}

var reMachineID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// createTerminal consumes the grant and, in the same transaction, places the terminal
// (placeTerminal) and resets admin 01. It returns the terminal, its merchant, the terminal
// token, and whether the terminal was this PC's already.
func (s *Service) createTerminal(ctx context.Context, grantToken string, storeID uint, machineID string) (*store.Terminal, *store.Merchant, string, bool, error) {
	pwHash, err := s.initialHash()
	if err != nil {
		return nil, nil, "", false, s.internal("hash password", err)
	}
	token, tokenHash, err := newToken()
	if err != nil {
		return nil, nil, "", false, s.internal("terminal token", err)
	}
	var term *store.Terminal
	var m store.Merchant
	var again bool
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		g, err := s.useGrant(tx, grantToken, purposeInit, nil)
		if err != nil {
			return err
		}
		if err := tx.First(&m, g.MerchantID).Error; err != nil {
			return s.internal("load merchant", err)
		}
		if err := s.checkStore(tx, m.ID, storeID); err != nil {
			return err
		}
		term, again, err = s.placeTerminal(tx, m.ID, storeID, tokenHash, machineID)
		if err != nil {
			return err
		}
		return s.resetAdmin(tx, m.ID, pwHash)
	})
	if err != nil {
		return nil, nil, "", false, domain.AsError(err)
	}
	return term, &m, token, again, nil
}

// placeTerminal gives the PC named machineID its live terminal of the merchant back, with
// the new token and store (its sessions end), or creates a terminal with the next number.
// It reports whether the terminal existed.
func (s *Service) placeTerminal(tx *gorm.DB, merchantID, storeID uint, tokenHash, machineID string) (*store.Terminal, bool, error) {
	now := s.now()
	var machine *string
	if machineID != "" {
		h := hashToken("machine:" + machineID)
		machine = &h
		var t store.Terminal
		err := tx.Where("merchant_id = ? AND machine_hash = ? AND revoked_at IS NULL", merchantID, h).Limit(1).Find(&t).Error
		if err != nil {
			return nil, false, s.internal("load terminal", err)
		}
		if t.ID != 0 {
			err := tx.Model(&t).Updates(map[string]any{"token_hash": tokenHash, "store_id": storeID, "last_seen_at": now}).Error
			if err != nil {
				return nil, false, s.internal("renew terminal", err)
			}
			if err := tx.Where("terminal_id = ?", t.ID).Delete(&store.Session{}).Error; err != nil {
				return nil, false, s.internal("end terminal sessions", err)
			}
			return &t, true, nil
		}
	}
	t := store.Terminal{MerchantID: merchantID, StoreID: storeID, TokenHash: tokenHash, MachineHash: machine, CreatedAt: now, LastSeenAt: now}
	err := tx.Create(&t).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, false, domain.Errorf(domain.CodeConflict, "这台电脑正在另一处完成初始化，请稍后重新初始化")
	}
	if err != nil {
		return nil, false, s.internal("create terminal", err)
	}
	t.TermNo = fmt.Sprintf("%08d", t.ID%100000000)
	if err := tx.Model(&t).Update("term_no", t.TermNo).Error; err != nil {
		return nil, false, s.internal("terminal number", err)
	}
	return &t, false, nil
}

// checkStore requires storeID to be one of the merchant's stores, or 0 when it has none.
func (s *Service) checkStore(tx *gorm.DB, merchantID, storeID uint) error {
	var n int64
	if err := tx.Model(&store.Store{}).Where("merchant_id = ?", merchantID).Count(&n).Error; err != nil {
		return s.internal("count stores", err)
	}
	if n == 0 && storeID == 0 {
		return nil
	}
	if storeID == 0 {
		return domain.FieldError("storeId", "请选择门店")
	}
	var st store.Store
	err := tx.Where("id = ? AND merchant_id = ?", storeID, merchantID).First(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.FieldError("storeId", "所选门店不属于该商户，请重新选择")
	}
	if err != nil {
		return s.internal("load store", err)
	}
	return nil
}

// resetAdmin creates admin 01 or resets it: initial password (to be changed at the next
// login), unlocked, unbound, logged out.
func (s *Service) resetAdmin(tx *gorm.DB, merchantID uint, pwHash string) error {
	var admin store.Cashier
	err := tx.Where("merchant_id = ? AND account = ?", merchantID, domain.AdminAccount).Limit(1).Find(&admin).Error
	if err != nil {
		return s.internal("load admin", err)
	}
	if err := clearThrottles(tx, fmt.Sprintf("login:m%d:%s:", merchantID, domain.AdminAccount)); err != nil {
		return s.internal("unlock admin", err)
	}
	if admin.ID == 0 {
		admin = store.Cashier{MerchantID: merchantID, Account: domain.AdminAccount, Name: "管理员",
			Role: string(domain.RoleAdmin), PasswordHash: pwHash, MustChangePassword: true}
		if err := tx.Create(&admin).Error; err != nil {
			return s.internal("create admin", err)
		}
		return nil
	}
	err = tx.Model(&admin).Updates(map[string]any{"password_hash": pwHash, "password_changed": false,
		"must_change_password": true, "bound_terminal_id": nil, "role": string(domain.RoleAdmin)}).Error
	if err != nil {
		return s.internal("reset admin", err)
	}
	if err := tx.Where("cashier_id = ?", admin.ID).Delete(&store.Session{}).Error; err != nil {
		return s.internal("end admin sessions", err)
	}
	return nil
}

// Terminal describes the terminal behind creds; only the terminal token is needed.
func (s *Service) Terminal(ctx context.Context, creds Creds) (*TerminalInfo, error) {
	t, m, err := s.terminalOf(ctx, creds.TerminalToken)
	if err != nil {
		return nil, err
	}
	return s.terminalInfo(ctx, t, m)
}

// RequestStoreChangeCode sends a code for changing this terminal's store (manual §2.1).
func (s *Service) RequestStoreChangeCode(ctx context.Context, creds Creds) (*SMSChallenge, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	return s.sendCode(ctx, smsKey{merchant: &c.Merchant, purpose: purposeStore, terminalID: &c.Terminal.ID})
}

// VerifyStoreChangeCode checks the store-change code and returns a grant with the stores.
func (s *Service) VerifyStoreChangeCode(ctx context.Context, creds Creds, code string) (*Grant, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	k := smsKey{merchant: &c.Merchant, purpose: purposeStore, terminalID: &c.Terminal.ID}
	if err := s.checkCode(ctx, k, code); err != nil {
		return nil, err
	}
	return s.issueGrant(ctx, k)
}

// ChangeStore moves this terminal to another store of its merchant.
func (s *Service) ChangeStore(ctx context.Context, creds Creds, grantToken string, storeID uint) (*TerminalInfo, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	from := c.Terminal.StoreID
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := s.useGrant(tx, grantToken, purposeStore, &c.Terminal.ID); err != nil {
			return err
		}
		if err := s.checkStore(tx, c.Merchant.ID, storeID); err != nil {
			return err
		}
		return tx.Model(&store.Terminal{}).Where("id = ?", c.Terminal.ID).Update("store_id", storeID).Error
	})
	if err != nil {
		return nil, domain.AsError(err)
	}
	s.auditCaller(ctx, c, AuditStoreChange, fmt.Sprintf("门店 %d → %d", from, storeID), true)
	c.Terminal.StoreID = storeID
	return s.terminalInfo(ctx, &c.Terminal, &c.Merchant)
}

// storesOf lists a merchant's stores in creation order.
func (s *Service) storesOf(ctx context.Context, merchantID uint) ([]StoreInfo, error) {
	var rows []store.Store
	if err := s.db.WithContext(ctx).Where("merchant_id = ?", merchantID).Order("id").Find(&rows).Error; err != nil {
		return nil, s.internal("list stores", err)
	}
	out := make([]StoreInfo, 0, len(rows))
	for _, r := range rows {
		out = append(out, StoreInfo{ID: r.ID, Name: r.Name})
	}
	return out, nil
}

// terminalInfo builds the DTO for a terminal (without its token).
func (s *Service) terminalInfo(ctx context.Context, t *store.Terminal, m *store.Merchant) (*TerminalInfo, error) {
	info := &TerminalInfo{TermNo: t.TermNo, MerchantNo: m.MerchantNo, MerchantName: m.Name,
		StoreID: t.StoreID, PayLimit: m.PayLimit}
	if info.PayLimit == 0 {
		info.PayLimit = domain.DefaultPayLimit
	}
	if t.StoreID != 0 {
		var st store.Store
		if err := s.db.WithContext(ctx).Limit(1).Find(&st, t.StoreID).Error; err != nil {
			return nil, s.internal("load store", err)
		}
		info.StoreName = st.Name
	}
	return info, nil
}
