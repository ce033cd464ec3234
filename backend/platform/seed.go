package platform

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Demo merchant created by SeedDemo for the desktop's embedded demo mode.
const (
	DemoMerchantNo   = "888888888888888"
	DemoMerchantName = "小通付演示商户"
	DemoPhone        = "13800138000"
	DemoNoticeTitle  = "欢迎使用小通付"
)

// DemoStores are the demo merchant's stores.
var DemoStores = []string{"演示一店", "演示二店"}

var (
	reCusID = regexp.MustCompile(`^[0-9]{1,15}$`)
	reAppID = regexp.MustCompile(`^[0-9A-Za-z]{1,8}$`)
)

// MerchantInput is a merchant as the operator registers it (xtfd merchant add).
type MerchantInput struct {
	MerchantNo string // 6–20 digits, typed by the shop at initialisation
	Name       string
	Phone      string // registered mainland mobile; SMS codes go here
	CusID      string // Allinpay cusid; MerchantNo when empty
	AppID      string // Allinpay appid
	PayLimit   int64  // single-payment limit in fen; 0 means domain.DefaultPayLimit
}

// AddMerchant registers a merchant. A duplicate merchant number is CodeConflict.
func (s *Service) AddMerchant(ctx context.Context, in MerchantInput) (*store.Merchant, error) {
	if err := validMerchantNo(in.MerchantNo); err != nil {
		return nil, err
	}
	in.Name = normText(in.Name)
	if err := validText("name", "商户名称", in.Name, 50, true); err != nil {
		return nil, err
	}
	if err := validPhone("phone", in.Phone, false); err != nil {
		return nil, err
	}
	if in.CusID == "" && len(in.MerchantNo) <= 15 {
		in.CusID = in.MerchantNo
	}
	if in.CusID != "" && !reCusID.MatchString(in.CusID) {
		return nil, domain.FieldError("cusid", "cusid 须为 1–15 位数字")
	}
	if in.AppID != "" && !reAppID.MatchString(in.AppID) {
		return nil, domain.FieldError("appid", "appid 须为 1–8 位字母或数字")
	}
	if in.PayLimit < 0 {
		return nil, domain.FieldError("payLimit", "单笔限额不能为负数")
	}
	m := store.Merchant{MerchantNo: in.MerchantNo, Name: in.Name, Phone: in.Phone, CusID: in.CusID,
		AppID: in.AppID, PayLimit: in.PayLimit, CreatedAt: s.now()}
	err := s.db.WithContext(ctx).Create(&m).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, &domain.Error{Code: domain.CodeConflict, Field: "merchantNo", Message: "商户号 " + in.MerchantNo + " 已存在"}
	}
	if err != nil {
		return nil, s.internal("add merchant", err)
	}
	return &m, nil
}

// AddStore adds a store to a merchant. Store names are unique within a merchant.
func (s *Service) AddStore(ctx context.Context, merchantNo, name, address string) (*StoreInfo, error) {
	m, err := s.merchantByNo(ctx, merchantNo)
	if err != nil {
		return nil, err
	}
	name, address = normText(name), normText(address)
	if err := validText("name", "门店名称", name, maxStoreName, true); err != nil {
		return nil, err
	}
	if err := validText("address", "门店地址", address, maxAddress, false); err != nil {
		return nil, err
	}
	var n int64
	if err := s.db.WithContext(ctx).Model(&store.Store{}).Where("merchant_id = ? AND name = ?", m.ID, name).Count(&n).Error; err != nil {
		return nil, s.internal("count stores", err)
	}
	if n > 0 {
		return nil, &domain.Error{Code: domain.CodeConflict, Field: "name", Message: "门店 " + name + " 已存在"}
	}
	st := store.Store{MerchantID: m.ID, Name: name, Address: address, CreatedAt: s.now()}
	if err := s.db.WithContext(ctx).Create(&st).Error; err != nil {
		return nil, s.internal("add store", err)
	}
	return &StoreInfo{ID: st.ID, Name: st.Name}, nil
}

// NoticeInput is an announcement as the operator publishes it (xtfd notice add).
type NoticeInput struct {
	MerchantNo  string // empty: every merchant
	Title       string
	Body        string
	PublishedAt time.Time // zero: now
}

// AddNotice publishes an announcement.
func (s *Service) AddNotice(ctx context.Context, in NoticeInput) (*Notice, error) {
	in.Title = normText(in.Title)
	if err := validText("title", "公告标题", in.Title, maxNoticeTitle, true); err != nil {
		return nil, err
	}
	if err := validText("body", "公告内容", in.Body, maxNoticeBody, true); err != nil {
		return nil, err
	}
	n := store.Notice{Title: in.Title, Body: in.Body, PublishedAt: in.PublishedAt}
	if n.PublishedAt.IsZero() {
		n.PublishedAt = s.now()
	}
	if in.MerchantNo != "" {
		m, err := s.merchantByNo(ctx, in.MerchantNo)
		if err != nil {
			return nil, err
		}
		n.MerchantID = &m.ID
	}
	if err := s.db.WithContext(ctx).Create(&n).Error; err != nil {
		return nil, s.internal("add notice", err)
	}
	return &Notice{ID: n.ID, Title: n.Title, Body: n.Body, PublishedAt: n.PublishedAt}, nil
}

// SeedDemo creates, if missing, the demo merchant with its stores, admin 01 (initial
// password) and a welcome notice. It is safe to call at every start.
func (s *Service) SeedDemo(ctx context.Context) error {
	var m store.Merchant
	if err := s.db.WithContext(ctx).Where("merchant_no = ?", DemoMerchantNo).Limit(1).Find(&m).Error; err != nil {
		return s.internal("load demo merchant", err)
	}
	if m.ID == 0 {
		created, err := s.AddMerchant(ctx, MerchantInput{MerchantNo: DemoMerchantNo, Name: DemoMerchantName, Phone: DemoPhone})
		if err != nil {
			return fmt.Errorf("platform: seed demo merchant: %w", err)
		}
		m = *created
	}
	for _, name := range DemoStores {
		if _, err := s.AddStore(ctx, DemoMerchantNo, name, ""); err != nil && domain.CodeOf(err) != domain.CodeConflict {
			return fmt.Errorf("platform: seed demo store: %w", err)
		}
	}
	if err := s.seedDemoAdmin(ctx, m.ID); err != nil {
		return err
	}
	var n int64
	if err := s.db.WithContext(ctx).Model(&store.Notice{}).Where("merchant_id = ? AND title = ?", m.ID, DemoNoticeTitle).
		Count(&n).Error; err != nil {
		return s.internal("count demo notices", err)
	}
	if n == 0 {
		body := "这是演示商户。初始化时的短信验证码会显示在演示横幅中；管理员账号 01 的初始密码为 " +
			domain.InitialPassword + "，登录后请及时修改。演示模式使用内置的收银宝模拟器，不会产生真实扣款。"
		if _, err := s.AddNotice(ctx, NoticeInput{MerchantNo: DemoMerchantNo, Title: DemoNoticeTitle, Body: body}); err != nil {
			return fmt.Errorf("platform: seed demo notice: %w", err)
		}
	}
	return nil
}

// seedDemoAdmin creates admin 01 of the demo merchant with the initial password (to be
// changed at the first login) if missing.
func (s *Service) seedDemoAdmin(ctx context.Context, merchantID uint) error {
	var n int64
	db := s.db.WithContext(ctx)
	if err := db.Model(&store.Cashier{}).Where("merchant_id = ? AND account = ?", merchantID, domain.AdminAccount).
		Count(&n).Error; err != nil || n > 0 {
		return err
	}
	h, err := s.initialHash()
	if err != nil {
		return err
	}
	return db.Create(&store.Cashier{MerchantID: merchantID, Account: domain.AdminAccount, Name: "管理员",
		Role: string(domain.RoleAdmin), PasswordHash: h, MustChangePassword: true}).Error
}
