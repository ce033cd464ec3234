package platform

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// maxCashiers bounds one listing; a shop has a handful of accounts.
const maxCashiers = 500

// ListCashiers lists the merchant's accounts, filtered by account, name and phone
// (substring matches), for admins only (manual §8.5 2).
func (s *Service) ListCashiers(ctx context.Context, creds Creds, f CashierFilter) ([]Profile, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "查看收银员"); err != nil {
		return nil, err
	}
	if len(f.Account) > 20 || len(f.Phone) > 11 {
		return nil, domain.FieldError("filter", "查询条件过长")
	}
	if err := validText("name", "姓名", f.Name, maxName, false); err != nil {
		return nil, err
	}
	q := s.db.WithContext(ctx).Where("merchant_id = ?", c.Merchant.ID)
	for col, v := range map[string]string{"account": f.Account, "name": f.Name, "phone": f.Phone} {
		if v != "" {
			q = q.Where(col+` LIKE ? ESCAPE '\'`, likePattern(v))
		}
	}
	var rows []store.Cashier
	if err := q.Order("account").Limit(maxCashiers).Find(&rows).Error; err != nil {
		return nil, s.internal("list cashiers", err)
	}
	out := make([]Profile, 0, len(rows))
	for i := range rows {
		out = append(out, profileOf(&rows[i]))
	}
	return out, nil
}

// validCashier normalises and checks the editable fields of a cashier.
func validCashier(in *CashierInput) error {
	in.Name, in.Remark = normText(in.Name), normText(in.Remark)
	if err := validText("name", "姓名", in.Name, maxName, true); err != nil {
		return err
	}
	if err := validPhone("phone", in.Phone, true); err != nil {
		return err
	}
	return validText("remark", "备注", in.Remark, maxRemark, false)
}

// AddCashier creates a cashier account (manual §8.5 1). The password must pass validNewPassword.
func (s *Service) AddCashier(ctx context.Context, creds Creds, in CashierInput) (*Profile, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "新增收银员"); err != nil {
		return nil, err
	}
	if err := validAccount("account", in.Account); err != nil {
		return nil, err
	}
	if err := validNewPassword("password", in.Password, in.Account, ""); err != nil {
		return nil, err
	}
	if err := validCashier(&in); err != nil {
		return nil, err
	}
	h, err := hashPassword(in.Password)
	if err != nil {
		return nil, s.internal("hash password", err)
	}
	row := store.Cashier{MerchantID: c.Merchant.ID, Account: in.Account, Name: in.Name, Phone: in.Phone,
		Remark: in.Remark, Role: string(domain.RoleCashier), PasswordHash: h, PasswordChanged: true}
	err = s.db.WithContext(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, &domain.Error{Code: domain.CodeConflict, Field: "account",
			Message: fmt.Sprintf("登录账号 %s 已存在，请换一个", in.Account), Params: map[string]any{"account": in.Account}}
	}
	if err != nil {
		return nil, s.internal("add cashier", err)
	}
	s.auditCaller(ctx, c, AuditCashierAdd, "新增收银员 "+in.Account, true)
	p := profileOf(&row)
	return &p, nil
}

// UpdateCashier edits name, phone and remark of an account (manual §8.5 4). The account
// and password in `in` are ignored.
func (s *Service) UpdateCashier(ctx context.Context, creds Creds, account string, in CashierInput) (*Profile, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if err := s.requireAdmin(ctx, c, "编辑收银员"); err != nil {
		return nil, err
	}
	target, err := s.cashierByAccount(ctx, c.Merchant.ID, account)
	if err != nil {
		return nil, err
	}
	if err := validCashier(&in); err != nil {
		return nil, err
	}
	err = s.db.WithContext(ctx).Model(target).
		Updates(map[string]any{"name": in.Name, "phone": in.Phone, "remark": in.Remark}).Error
	if err != nil {
		return nil, s.internal("edit cashier", err)
	}
	s.auditCaller(ctx, c, AuditCashierEdit, "编辑收银员 "+account, true)
	target.Name, target.Phone, target.Remark = in.Name, in.Phone, in.Remark
	p := profileOf(target)
	return &p, nil
}

// ResetPassword puts an account back to the initial password after the admin answers an
// image captcha (manual §8.5 3, §3.1). It also unlocks the account and ends its session;
// the account must change the password at its next login.
func (s *Service) ResetPassword(ctx context.Context, creds Creds, account, captchaID, captchaAnswer string) error {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return err
	}
	if err := s.requireAdmin(ctx, c, "重置密码"); err != nil {
		return err
	}
	target, err := s.cashierByAccount(ctx, c.Merchant.ID, account)
	if err != nil {
		return err
	}
	if err := s.checkCaptcha(ctx, c, captchaID, captchaAnswer); err != nil {
		s.auditCaller(ctx, c, AuditCashierReset, "重置 "+account+" 的密码：图片验证码错误", false)
		return err
	}
	h, err := s.initialHash()
	if err != nil {
		return s.internal("hash password", err)
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(target).Updates(map[string]any{"password_hash": h, "password_changed": false,
			"must_change_password": true}).Error; err != nil {
			return err
		}
		if err := clearThrottles(tx, fmt.Sprintf("login:m%d:%s:", c.Merchant.ID, target.Account)); err != nil {
			return err
		}
		return tx.Where("cashier_id = ? AND id <> ?", target.ID, c.Session.ID).Delete(&store.Session{}).Error
	})
	if err != nil {
		return s.internal("reset password", err)
	}
	s.auditCaller(ctx, c, AuditCashierReset, "重置 "+account+" 的密码为初始密码", true)
	return nil
}

// DeleteCashier deletes a cashier account (manual §8.5 5). Admin accounts (01, the account
// initialisation restores) cannot be deleted: CodeAdminUndeletable says so. Since only admins
// delete, nobody deletes themself either.
func (s *Service) DeleteCashier(ctx context.Context, creds Creds, account string) error {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return err
	}
	if err := s.requireAdmin(ctx, c, "删除收银员"); err != nil {
		return err
	}
	target, err := s.cashierByAccount(ctx, c.Merchant.ID, account)
	if err != nil {
		return err
	}
	if target.Role == string(domain.RoleAdmin) {
		s.auditCaller(ctx, c, AuditCashierDelete, "删除管理员账号 "+account+"：已拒绝", false)
		return domain.Errorf(domain.CodeAdminUndeletable, "管理员账号 %s 不能删除：重新初始化时要用它登录", account).
			With("account", account)
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, m := range []any{&store.Session{}, &store.NoticeRead{}} {
			if err := tx.Where("cashier_id = ?", target.ID).Delete(m).Error; err != nil {
				return s.internal("delete cashier data", err)
			}
		}
		if err := tx.Delete(target).Error; err != nil {
			return s.internal("delete cashier", err)
		}
		return nil
	})
	if err != nil {
		return domain.AsError(err)
	}
	s.auditCaller(ctx, c, AuditCashierDelete, "删除收银员 "+account, true)
	return nil
}
