import type {
  ActOperation,
  DocumentLine,
  ReconciliationActDocument,
  TradeDocument,
  TradeDocumentKind,
} from "./model.ts";

/** Sample documents with the seeds' figures, for tests and benchmarks. */

export const SELLER = {
  name: "АО «Курский электроаппаратный завод»",
  inn: "4632007819",
  kpp: "463201001",
  address: "305000, г. Курск, ул. Луначарского, д. 8",
  phone: "+7 4712 39-99-99",
  bank: {
    name: "ПАО Сбербанк, г. Москва",
    bik: "044525225",
    correspondentAccount: "30101810400000000225",
    account: "40702810900000012345",
  },
};

export const BUYER = {
  name: "ООО «ЭлектроКомплект»",
  inn: "4632145706",
  kpp: "463201001",
  address: "305000, Курская обл., г. Курск, ул. Ленина, д. 1",
};

const branding = { name: "КЭАЗ", primary: "#c8102e", onPrimary: "#ffffff" };

/** keaz, seed 001: 12 × 281,00 = 3 372,00 + НДС 674,40 = 4 046,40 (prices without VAT). */
export function keazDocument(kind: TradeDocumentKind): TradeDocument {
  return {
    kind,
    number: "000042",
    date: "2026-03-05",
    seller: SELLER,
    buyer: BUYER,
    basis: "Договор № Д-17/2026 от 10.01.2026",
    vatRateBp: 2000,
    pricesIncludeVat: false,
    lines: [
      {
        article: "326794",
        name: "Выключатель автоматический модульный OptiDin BM63-1C16-4,5-УХЛ3",
        unit: "шт",
        okei: "796",
        quantity: 12,
        netPrice: 28100,
        listPrice: 28100,
        net: 337200,
        vat: 67440,
        gross: 404640,
      },
    ],
    totals: { net: 337200, vat: 67440, gross: 404640 },
    validUntil: "2026-03-10",
    branding,
    signatories: { director: "Иванов А. А.", accountant: "Петрова Е. В." },
    warehouse: "Склад Курск",
    manager: "Кузнецова Марина Олеговна, +7 4712 39-99-01",
  };
}

/** wasserkraft, seed 000: 5 × 7 682 = 38 410 (prices with VAT 20 %). */
export function wasserkraftInvoice(): TradeDocument {
  const gross = 3841000;
  const vat = 640167;
  return {
    ...keazDocument("invoice"),
    seller: { ...SELLER, name: "ООО «ВассерКрафт Рус»", inn: "7724123458", kpp: "772401001" },
    pricesIncludeVat: true,
    lines: [
      {
        article: "Aller 1062L",
        name: "Смеситель для ванны с длинным изливом",
        unit: "шт",
        okei: "796",
        quantity: 5,
        netPrice: 640167,
        listPrice: 768200,
        net: gross - vat,
        vat,
        gross,
      },
    ],
    totals: { net: gross - vat, vat, gross },
    branding: { name: "WasserKRAFT", primary: "#0b2a5b", onPrimary: "#ffffff" },
  };
}

/** An invoice of `n` lines (the benchmark's 200-line invoice). */
export function bigInvoice(n: number): TradeDocument {
  const lines: DocumentLine[] = Array.from({ length: n }, (_, i) => {
    const quantity = (i % 9) + 1;
    const netPrice = 10000 + i * 137;
    const net = netPrice * quantity;
    const vat = Math.round(net / 5);
    return {
      article: `A-${String(i + 1).padStart(5, "0")}`,
      name: `Выключатель автоматический модульный OptiDin BM63-1C${(i % 63) + 1}`,
      unit: "шт",
      okei: "796",
      quantity,
      netPrice,
      listPrice: netPrice,
      net,
      vat,
      gross: net + vat,
    };
  });
  const totals = lines.reduce((t, l) => ({ net: t.net + l.net, vat: t.vat + l.vat, gross: t.gross + l.gross }), {
    net: 0,
    vat: 0,
    gross: 0,
  });
  return { ...keazDocument("invoice"), lines, totals };
}

/** An act with `n` operations: shipments and the payments for them. */
export function bigAct(n: number): ReconciliationActDocument {
  const operations: ActOperation[] = Array.from({ length: n }, (_, i) => {
    const day = `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const amount = 100000 + (i % 50) * 1234;
    return i % 2 === 0
      ? { date: day, document: `Продажа (№ ${i + 1} от ${day})`, debit: amount, credit: 0 }
      : { date: day, document: `Оплата (п/п № ${i + 1} от ${day})`, debit: 0, credit: amount };
  });
  return {
    number: "1",
    from: "2026-01-01",
    to: "2026-12-31",
    seller: SELLER,
    buyer: BUYER,
    contract: "Договор № Д-17/2026 от 10.01.2026",
    opening: 0,
    operations,
    branding,
    signatories: { director: "Иванов А. А.", accountant: "Петрова Е. В." },
  };
}
