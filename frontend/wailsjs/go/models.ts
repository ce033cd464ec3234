export namespace domain {
	
	export class Error {
	    code: string;
	    message: string;
	    field?: string;
	    params?: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new Error(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	        this.params = source["params"];
	    }
	}

}

export namespace platform {
	
	export class Captcha {
	    id: string;
	    image: string;
	
	    static createFrom(source: any = {}) {
	        return new Captcha(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.image = source["image"];
	    }
	}
	export class CashierFilter {
	    account: string;
	    name: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new CashierFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	    }
	}
	export class CashierInput {
	    account: string;
	    password: string;
	    name: string;
	    phone: string;
	    remark: string;
	
	    static createFrom(source: any = {}) {
	        return new CashierInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.password = source["password"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.remark = source["remark"];
	    }
	}
	export class ChannelStats {
	    channel: string;
	    count: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new ChannelStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.count = source["count"];
	        this.amount = source["amount"];
	    }
	}
	export class DaySum {
	    day: string;
	    count: number;
	    amount: number;
	    net: number;
	
	    static createFrom(source: any = {}) {
	        return new DaySum(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.count = source["count"];
	        this.amount = source["amount"];
	        this.net = source["net"];
	    }
	}
	export class HourStats {
	    hour: number;
	    count: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new HourStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hour = source["hour"];
	        this.count = source["count"];
	        this.amount = source["amount"];
	    }
	}
	export class DayStats {
	    day: string;
	    from: string;
	    to: string;
	    storeName: string;
	    payCount: number;
	    payAmount: number;
	    cancelCount: number;
	    cancelAmount: number;
	    refundCount: number;
	    refundAmount: number;
	    netAmount: number;
	    byChannel: ChannelStats[];
	    byHour: HourStats[];
	    byDay: DaySum[];
	
	    static createFrom(source: any = {}) {
	        return new DayStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.storeName = source["storeName"];
	        this.payCount = source["payCount"];
	        this.payAmount = source["payAmount"];
	        this.cancelCount = source["cancelCount"];
	        this.cancelAmount = source["cancelAmount"];
	        this.refundCount = source["refundCount"];
	        this.refundAmount = source["refundAmount"];
	        this.netAmount = source["netAmount"];
	        this.byChannel = this.convertValues(source["byChannel"], ChannelStats);
	        this.byHour = this.convertValues(source["byHour"], HourStats);
	        this.byDay = this.convertValues(source["byDay"], DaySum);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class StoreInfo {
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new StoreInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Grant {
	    token: string;
	    stores: StoreInfo[];
	
	    static createFrom(source: any = {}) {
	        return new Grant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.stores = this.convertValues(source["stores"], StoreInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HandoverTrade {
	    reqsn: string;
	    kind: string;
	    status: string;
	    amount: number;
	    channel: string;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new HandoverTrade(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reqsn = source["reqsn"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.amount = source["amount"];
	        this.channel = source["channel"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HandoverChannel {
	    channel: string;
	    payCount: number;
	    payAmount: number;
	    reverseCount: number;
	    reverseAmount: number;
	    netAmount: number;
	
	    static createFrom(source: any = {}) {
	        return new HandoverChannel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.channel = source["channel"];
	        this.payCount = source["payCount"];
	        this.payAmount = source["payAmount"];
	        this.reverseCount = source["reverseCount"];
	        this.reverseAmount = source["reverseAmount"];
	        this.netAmount = source["netAmount"];
	    }
	}
	export class HandoverSums {
	    payCount: number;
	    payAmount: number;
	    cancelCount: number;
	    cancelAmount: number;
	    refundCount: number;
	    refundAmount: number;
	    failedCount: number;
	    netAmount: number;
	    byChannel: HandoverChannel[];
	    open: HandoverTrade[];
	    late: HandoverTrade[];
	
	    static createFrom(source: any = {}) {
	        return new HandoverSums(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.payCount = source["payCount"];
	        this.payAmount = source["payAmount"];
	        this.cancelCount = source["cancelCount"];
	        this.cancelAmount = source["cancelAmount"];
	        this.refundCount = source["refundCount"];
	        this.refundAmount = source["refundAmount"];
	        this.failedCount = source["failedCount"];
	        this.netAmount = source["netAmount"];
	        this.byChannel = this.convertValues(source["byChannel"], HandoverChannel);
	        this.open = this.convertValues(source["open"], HandoverTrade);
	        this.late = this.convertValues(source["late"], HandoverTrade);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Handover {
	    no: string;
	    seq: number;
	    termNo: string;
	    cashier: string;
	    storeName: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    sums: HandoverSums;
	
	    static createFrom(source: any = {}) {
	        return new Handover(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.seq = source["seq"];
	        this.termNo = source["termNo"];
	        this.cashier = source["cashier"];
	        this.storeName = source["storeName"];
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.sums = this.convertValues(source["sums"], HandoverSums);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class HandoverFilter {
	    day: string;
	    account: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new HandoverFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.account = source["account"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class HandoverPage {
	    handovers: Handover[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new HandoverPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.handovers = this.convertValues(source["handovers"], Handover);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Notice {
	    id: number;
	    title: string;
	    body?: string;
	    // Go type: time
	    publishedAt: any;
	    read: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Notice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.publishedAt = this.convertValues(source["publishedAt"], null);
	        this.read = source["read"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Profile {
	    account: string;
	    name: string;
	    phone: string;
	    remark: string;
	    role: string;
	    passwordChanged: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.remark = source["remark"];
	        this.role = source["role"];
	        this.passwordChanged = source["passwordChanged"];
	    }
	}
	export class ReconcileCount {
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new ReconcileCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	    }
	}
	export class ReconcileDiff {
	    id: number;
	    kind: string;
	    reqsn: string;
	    trxid: string;
	    tradeKind: string;
	    bankAmount: number;
	    localAmount: number;
	    bankStatus: string;
	    localStatus: string;
	    trxCode: string;
	    bankTime: string;
	    resolved: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ReconcileDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.reqsn = source["reqsn"];
	        this.trxid = source["trxid"];
	        this.tradeKind = source["tradeKind"];
	        this.bankAmount = source["bankAmount"];
	        this.localAmount = source["localAmount"];
	        this.bankStatus = source["bankStatus"];
	        this.localStatus = source["localStatus"];
	        this.trxCode = source["trxCode"];
	        this.bankTime = source["bankTime"];
	        this.resolved = source["resolved"];
	        this.note = source["note"];
	    }
	}
	export class ReconcileReport {
	    day: string;
	    status: string;
	    errorCode?: string;
	    bankRows: number;
	    localRows: number;
	    matched: number;
	    // Go type: time
	    startedAt?: any;
	    // Go type: time
	    finishedAt?: any;
	    diffs: ReconcileDiff[];
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new ReconcileReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.status = source["status"];
	        this.errorCode = source["errorCode"];
	        this.bankRows = source["bankRows"];
	        this.localRows = source["localRows"];
	        this.matched = source["matched"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.diffs = this.convertValues(source["diffs"], ReconcileDiff);
	        this.open = source["open"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SMSChallenge {
	    maskedPhone: string;
	    resendAfter: number;
	    expiresIn: number;
	
	    static createFrom(source: any = {}) {
	        return new SMSChallenge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.maskedPhone = source["maskedPhone"];
	        this.resendAfter = source["resendAfter"];
	        this.expiresIn = source["expiresIn"];
	    }
	}
	
	export class TerminalInfo {
	    token?: string;
	    termNo: string;
	    merchantNo: string;
	    merchantName: string;
	    storeId: number;
	    storeName: string;
	    payLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new TerminalInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.termNo = source["termNo"];
	        this.merchantNo = source["merchantNo"];
	        this.merchantName = source["merchantName"];
	        this.storeId = source["storeId"];
	        this.storeName = source["storeName"];
	        this.payLimit = source["payLimit"];
	    }
	}
	export class TerminalRow {
	    termNo: string;
	    storeName: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    lastSeenAt: any;
	    revoked: boolean;
	    current: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TerminalRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.termNo = source["termNo"];
	        this.storeName = source["storeName"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.lastSeenAt = this.convertValues(source["lastSeenAt"], null);
	        this.revoked = source["revoked"];
	        this.current = source["current"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Trade {
	    id: number;
	    reqsn: string;
	    kind: string;
	    status: string;
	    amount: number;
	    refundedAmount: number;
	    channel: string;
	    source: string;
	    codeMasked: string;
	    trxid: string;
	    chnltrxid: string;
	    trxcode: string;
	    errmsg: string;
	    queries: number;
	    origReqsn?: string;
	    cashier: string;
	    storeName: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Trade(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.reqsn = source["reqsn"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.amount = source["amount"];
	        this.refundedAmount = source["refundedAmount"];
	        this.channel = source["channel"];
	        this.source = source["source"];
	        this.codeMasked = source["codeMasked"];
	        this.trxid = source["trxid"];
	        this.chnltrxid = source["chnltrxid"];
	        this.trxcode = source["trxcode"];
	        this.errmsg = source["errmsg"];
	        this.queries = source["queries"];
	        this.origReqsn = source["origReqsn"];
	        this.cashier = source["cashier"];
	        this.storeName = source["storeName"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TradeFilter {
	    day: string;
	    from: string;
	    to: string;
	    storeId: number;
	    cashier: string;
	    kind: string;
	    channel: string;
	    status: string;
	    tradeNo: string;
	    terminal: boolean;
	    offset: number;
	    limit: number;
	    beforeId?: number;
	
	    static createFrom(source: any = {}) {
	        return new TradeFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.storeId = source["storeId"];
	        this.cashier = source["cashier"];
	        this.kind = source["kind"];
	        this.channel = source["channel"];
	        this.status = source["status"];
	        this.tradeNo = source["tradeNo"];
	        this.terminal = source["terminal"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.beforeId = source["beforeId"];
	    }
	}
	export class TradePage {
	    trades: Trade[];
	    total: number;
	    maxDays: number;
	
	    static createFrom(source: any = {}) {
	        return new TradePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trades = this.convertValues(source["trades"], Trade);
	        this.total = source["total"];
	        this.maxDays = source["maxDays"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TradeTotals {
	    count: number;
	    payCount: number;
	    payAmount: number;
	    cancelCount: number;
	    cancelAmount: number;
	    refundCount: number;
	    refundAmount: number;
	    netAmount: number;
	
	    static createFrom(source: any = {}) {
	        return new TradeTotals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.payCount = source["payCount"];
	        this.payAmount = source["payAmount"];
	        this.cancelCount = source["cancelCount"];
	        this.cancelAmount = source["cancelAmount"];
	        this.refundCount = source["refundCount"];
	        this.refundAmount = source["refundAmount"];
	        this.netAmount = source["netAmount"];
	    }
	}

}

export namespace printer {
	
	export class Line {
	    text: string;
	    qr?: string;
	    modules?: string[];
	    center: boolean;
	    bold: boolean;
	    tall: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.qr = source["qr"];
	        this.modules = source["modules"];
	        this.center = source["center"];
	        this.bold = source["bold"];
	        this.tall = source["tall"];
	    }
	}

}

export namespace services {
	
	export class AppState {
	    mode: string;
	    serverUrl: string;
	    initialized: boolean;
	    terminal?: platform.TerminalInfo;
	    profile?: platform.Profile;
	    demo: boolean;
	    problem?: domain.Error;
	
	    static createFrom(source: any = {}) {
	        return new AppState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.serverUrl = source["serverUrl"];
	        this.initialized = source["initialized"];
	        this.terminal = this.convertValues(source["terminal"], platform.TerminalInfo);
	        this.profile = this.convertValues(source["profile"], platform.Profile);
	        this.demo = source["demo"];
	        this.problem = this.convertValues(source["problem"], domain.Error);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BoxSettings {
	    enabled: boolean;
	    port: string;
	    baud: number;
	    dataBits: number;
	    parity: string;
	    stopBits: string;
	    broadcast: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BoxSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.port = source["port"];
	        this.baud = source["baud"];
	        this.dataBits = source["dataBits"];
	        this.parity = source["parity"];
	        this.stopBits = source["stopBits"];
	        this.broadcast = source["broadcast"];
	    }
	}
	export class BoxStatus {
	    state: string;
	    code: string;
	    params?: Record<string, any>;
	    message: string;
	    seq: number;
	
	    static createFrom(source: any = {}) {
	        return new BoxStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.code = source["code"];
	        this.params = source["params"];
	        this.message = source["message"];
	        this.seq = source["seq"];
	    }
	}
	export class Capture {
	    image: string;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new Capture(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.image = source["image"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class ConnectResult {
	    ok: boolean;
	    amount: number;
	    text: string;
	    confidence: number;
	    code: string;
	    params?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new ConnectResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.amount = source["amount"];
	        this.text = source["text"];
	        this.confidence = source["confidence"];
	        this.code = source["code"];
	        this.params = source["params"];
	    }
	}
	export class TestCode {
	    code: string;
	    outcome: string;
	
	    static createFrom(source: any = {}) {
	        return new TestCode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.outcome = source["outcome"];
	    }
	}
	export class DemoInfo {
	    enabled: boolean;
	    merchantNo: string;
	    lastSms: string;
	    lastSmsText: string;
	    // Go type: time
	    lastSmsAt?: any;
	    testCodes: TestCode[];
	
	    static createFrom(source: any = {}) {
	        return new DemoInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.merchantNo = source["merchantNo"];
	        this.lastSms = source["lastSms"];
	        this.lastSmsText = source["lastSmsText"];
	        this.lastSmsAt = this.convertValues(source["lastSmsAt"], null);
	        this.testCodes = this.convertValues(source["testCodes"], TestCode);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HandoverPrefs {
	    skipPrompt: boolean;
	
	    static createFrom(source: any = {}) {
	        return new HandoverPrefs(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.skipPrompt = source["skipPrompt"];
	    }
	}
	export class PosSettings {
	    enabled: boolean;
	    port: number;
	    key: string;
	
	    static createFrom(source: any = {}) {
	        return new PosSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.port = source["port"];
	        this.key = source["key"];
	    }
	}
	export class Hotkey {
	    keys: string;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Hotkey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keys = source["keys"];
	        this.enabled = source["enabled"];
	    }
	}
	export class HotkeySettings {
	    quickPay: Hotkey;
	    showMain: Hotkey;
	    hideFloating: boolean;
	
	    static createFrom(source: any = {}) {
	        return new HotkeySettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quickPay = this.convertValues(source["quickPay"], Hotkey);
	        this.showMain = this.convertValues(source["showMain"], Hotkey);
	        this.hideFloating = source["hideFloating"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PoleSettings {
	    port: string;
	    baud: number;
	    relay: string;
	
	    static createFrom(source: any = {}) {
	        return new PoleSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.port = source["port"];
	        this.baud = source["baud"];
	        this.relay = source["relay"];
	    }
	}
	export class Rect {
	    x: number;
	    y: number;
	    w: number;
	    h: number;
	
	    static createFrom(source: any = {}) {
	        return new Rect(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	        this.w = source["w"];
	        this.h = source["h"];
	    }
	}
	export class ScreenSettings {
	    mode: string;
	    dual: boolean;
	    display: number;
	    rect: Rect;
	    calibrated: boolean;
	    pole: PoleSettings;
	
	    static createFrom(source: any = {}) {
	        return new ScreenSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.dual = source["dual"];
	        this.display = source["display"];
	        this.rect = this.convertValues(source["rect"], Rect);
	        this.calibrated = source["calibrated"];
	        this.pole = this.convertValues(source["pole"], PoleSettings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PrinterSettings {
	    enabled: boolean;
	    name: string;
	    copies: number;
	    width: number;
	    qrMode: string;
	
	    static createFrom(source: any = {}) {
	        return new PrinterSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.name = source["name"];
	        this.copies = source["copies"];
	        this.width = source["width"];
	        this.qrMode = source["qrMode"];
	    }
	}
	export class DeviceSettings {
	    printer: PrinterSettings;
	    box: BoxSettings;
	    screen: ScreenSettings;
	    hotkeys: HotkeySettings;
	    pos: PosSettings;
	    handover: HandoverPrefs;
	
	    static createFrom(source: any = {}) {
	        return new DeviceSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.printer = this.convertValues(source["printer"], PrinterSettings);
	        this.box = this.convertValues(source["box"], BoxSettings);
	        this.screen = this.convertValues(source["screen"], ScreenSettings);
	        this.hotkeys = this.convertValues(source["hotkeys"], HotkeySettings);
	        this.pos = this.convertValues(source["pos"], PosSettings);
	        this.handover = this.convertValues(source["handover"], HandoverPrefs);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FileData {
	    name: string;
	    data: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new FileData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.data = source["data"];
	        this.count = source["count"];
	    }
	}
	export class DiagnosticsFile {
	    file: FileData;
	    checks: support.Result[];
	
	    static createFrom(source: any = {}) {
	        return new DiagnosticsFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = this.convertValues(source["file"], FileData);
	        this.checks = this.convertValues(source["checks"], support.Result);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DiagnosticsResult {
	    path: string;
	    checks: support.Result[];
	
	    static createFrom(source: any = {}) {
	        return new DiagnosticsResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.checks = this.convertValues(source["checks"], support.Result);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DisplayInfo {
	    index: number;
	    x: number;
	    y: number;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new DisplayInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.x = source["x"];
	        this.y = source["y"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class ExportResult {
	    path: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.count = source["count"];
	    }
	}
	
	
	export class HandoverResult {
	    handover?: platform.Handover;
	    printed: boolean;
	    printError?: domain.Error;
	
	    static createFrom(source: any = {}) {
	        return new HandoverResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.handover = this.convertValues(source["handover"], platform.Handover);
	        this.printed = source["printed"];
	        this.printError = this.convertValues(source["printError"], domain.Error);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class HotkeyStatus {
	    errors: Record<string, domain.Error>;
	
	    static createFrom(source: any = {}) {
	        return new HotkeyStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.errors = this.convertValues(source["errors"], domain.Error, true);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PoleStatus {
	    state: string;
	    code?: string;
	    params?: Record<string, string>;
	    total: number;
	    at: number;
	
	    static createFrom(source: any = {}) {
	        return new PoleStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.code = source["code"];
	        this.params = source["params"];
	        this.total = source["total"];
	        this.at = source["at"];
	    }
	}
	
	export class PosStatus {
	    enabled: boolean;
	    port: number;
	    key: string;
	    state: string;
	    addr?: string;
	    code?: string;
	
	    static createFrom(source: any = {}) {
	        return new PosStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.port = source["port"];
	        this.key = source["key"];
	        this.state = source["state"];
	        this.addr = source["addr"];
	        this.code = source["code"];
	    }
	}
	export class PosTest {
	    addr: string;
	    ms: number;
	
	    static createFrom(source: any = {}) {
	        return new PosTest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.addr = source["addr"];
	        this.ms = source["ms"];
	    }
	}
	
	export class QuitAsk {
	    ask: boolean;
	    preview?: platform.Handover;
	
	    static createFrom(source: any = {}) {
	        return new QuitAsk(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ask = source["ask"];
	        this.preview = this.convertValues(source["preview"], platform.Handover);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ScreenRead {
	    at: number;
	    amount: number;
	    code: string;
	    confidence: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ScreenRead(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.amount = source["amount"];
	        this.code = source["code"];
	        this.confidence = source["confidence"];
	        this.count = source["count"];
	    }
	}
	export class ScreenHealth {
	    active: boolean;
	    floor: number;
	    failing: boolean;
	    code?: string;
	    reads: ScreenRead[];
	
	    static createFrom(source: any = {}) {
	        return new ScreenHealth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.active = source["active"];
	        this.floor = source["floor"];
	        this.failing = source["failing"];
	        this.code = source["code"];
	        this.reads = this.convertValues(source["reads"], ScreenRead);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Settings {
	    mode: string;
	    serverUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.serverUrl = source["serverUrl"];
	    }
	}
	export class SettingsView {
	    mode: string;
	    serverUrl: string;
	    runningMode: string;
	    runningServerUrl: string;
	    restartRequired: boolean;
	    access: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.serverUrl = source["serverUrl"];
	        this.runningMode = source["runningMode"];
	        this.runningServerUrl = source["runningServerUrl"];
	        this.restartRequired = source["restartRequired"];
	        this.access = source["access"];
	    }
	}
	export class StatsImage {
	    day: string;
	    name: string;
	    png: string;
	    payCount: number;
	
	    static createFrom(source: any = {}) {
	        return new StatsImage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.name = source["name"];
	        this.png = source["png"];
	        this.payCount = source["payCount"];
	    }
	}

}

export namespace support {
	
	export class Info {
	    version: string;
	    os: string;
	    dataDir: string;
	    logFile: string;
	    mode: string;
	    serverUrl?: string;
	    merchantNo: string;
	    terminalNo: string;
	    storeName: string;
	    autostart: boolean;
	    autostartSupported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.os = source["os"];
	        this.dataDir = source["dataDir"];
	        this.logFile = source["logFile"];
	        this.mode = source["mode"];
	        this.serverUrl = source["serverUrl"];
	        this.merchantNo = source["merchantNo"];
	        this.terminalNo = source["terminalNo"];
	        this.storeName = source["storeName"];
	        this.autostart = source["autostart"];
	        this.autostartSupported = source["autostartSupported"];
	    }
	}
	export class Result {
	    name: string;
	    status: string;
	    code?: string;
	    params?: Record<string, any>;
	    millis: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.status = source["status"];
	        this.code = source["code"];
	        this.params = source["params"];
	        this.millis = source["millis"];
	    }
	}

}

