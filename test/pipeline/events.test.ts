import { describe, expect, it } from "vitest";
import type { ArticleDocument } from "../../src/document.js";
import { createPipeline } from "../../src/pipeline/index.js";

/** Sentences written for these tests; each names the mechanism it exercises. */
const pipeline = createPipeline();
const dyadsOf = (doc: ArticleDocument) =>
  doc.events.map((e) => `${e.source?.code ?? "-"} ${e.cameo.slice(0, 2)} ${e.target?.code ?? "-"}`);
const dyads = (text: string) => dyadsOf(pipeline.run({ id: "t", text, published: "2024-03-15" }));

describe("event assembly", () => {
  it("takes the actor right after a verb as its subject and the next one as its object (VSO)", () => {
    expect(dyads("في حين أدانت سلطنة عمان الضربات الأمريكية.")).toEqual(["OMN 11 USA"]);
    expect(dyads("واستدعت وزارة الخارجية البريطانية القائم بالأعمال الإيراني في لندن.")).toEqual([
      "GBRGOV 11 IRNGOV",
    ]);
  });

  it("finds the object after a long subject that ends in a name", () => {
    expect(
      dyads("ودعت رئيسة بعثة الأمم المتحدة في العراق جينين هينيس بلاسخارت السلطات العراقية إلى ضبط النفس."),
    ).toEqual(["IGOUNO 02 IRQGOV"]);
  });

  it("codes a mutual act of coordinated actors both ways", () => {
    expect(dyads("وقع الجيش السوداني وقوات الدعم السريع إعلانا لحماية المدنيين.").sort()).toEqual([
      "SDNMIL 05 SDNREBRSF",
      "SDNREBRSF 05 SDNMIL",
    ]);
    expect(dyads("دخل وقف إطلاق النار بين إسرائيل ولبنان حيز التنفيذ.").sort()).toEqual([
      "ISR 08 LBN",
      "LBN 08 ISR",
    ]);
  });

  it("reads two sides freeing prisoners as each freeing the other's", () => {
    expect(
      dyads("أفرجت الحكومة اليمنية وجماعة الحوثي أمس عن مئات الأسرى في أكبر عملية تبادل.").sort(),
    ).toEqual(["YEMGOV 08 YEMREBHOU", "YEMREBHOU 08 YEMGOV"]);
  });

  it("codes agreeing between the two sides that agree, and what several agree on in its own right", () => {
    expect(
      dyads(
        "التقى وزير الخارجية الأمريكي نظيره الروسي في الرياض، في اجتماع استضافته السعودية. واتفق الجانبان على إعادة فتح السفارتين.",
      ).slice(3),
    ).toEqual(["USAGOV 03 RUSGOV", "RUSGOV 03 USAGOV"]);
    expect(dyads("اتفقت السعودية والإمارات ومصر على إعادة علاقاتها الكاملة مع قطر.")).toEqual([
      "SAU 05 QAT",
      "ARE 05 QAT",
      "EGY 05 QAT",
    ]);
  });

  it("gives aid to the party its clause marks as recipient, and condolences to a nation", () => {
    expect(
      dyads(
        "وأعلنت وزارة الخارجية الأمريكية أنها ستقدم مساعدات إنسانية بقيمة عشرين مليون دولار للسودان عبر منظمات شريكة.",
      ),
    ).toEqual(["USAGOV 07 SDN"]);
    expect(dyads("وأعرب الرئيس التركي عن تعازيه للشعب الليبي.")).toEqual(["TURGOV 01 LBYCVL"]);
  });

  it("does not code cooperation named as a topic of talks, only cooperation told as done", () => {
    expect(
      dyads("التقى وزير الخارجية التونسي نظيره الفرنسي، وبحث الجانبان سبل تعزيز التعاون بين البلدين."),
    ).toEqual(["TUNGOV 04 FRAGOV"]);
    expect(dyads("أشاد الوزير بالتعاون بين تونس وفرنسا في مكافحة الإرهاب.").sort()).toEqual([
      "FRA 06 TUN",
      "TUN 06 FRA",
    ]);
  });

  it("lets adjectives stand inside a pattern, and aims a demand without addressee at what its content names", () => {
    expect(dyads("اعتمد مجلس الأمن الدولي أمس قرارا يطالب بوقف فوري لإطلاق النار في السودان.")).toEqual([
      "IGOUNO 10 SDN",
    ]);
  });

  it("never takes an object past a comma, and lets a verb joined by و address the party it names", () => {
    expect(
      dyads(
        "شنت قوات الدعم السريع هجوما على قرية في ولاية الجزيرة. ودان الأمين العام للأمم المتحدة الهجوم، وطالب السلطات السودانية بإجراء تحقيق.",
      ),
    ).toEqual(["SDNREBRSF 19 SDN", "IGOUNO 11 SDNREBRSF", "IGOUNO 10 SDNGOV"]);
  });

  it("reads a place after a meeting noun as its venue, a former official as an elite, a parliamentary delegation as legislature", () => {
    expect(dyads("كشف الوزير عن لقاء باريس بين الرئيس التونسي ورئيس حركة النهضة.").sort()).toEqual([
      "TUNGOV 04 TUNPTY",
      "TUNPTY 04 TUNGOV",
    ]);
    expect(dyads("التقى الرئيس التونسي الرئيس الفرنسي السابق نيكولا ساركوزي.")).toEqual(["TUNGOV 04 FRAELI"]);
    expect(dyads("وصل وفد برلماني تونسي إلى دمشق في زيارة رسمية.")).toEqual(["TUNLEG 04 SYRGOV"]);
  });

  it("resolves 'the two countries' to the last two countries named before", () => {
    expect(dyads("تصاعد التوتر بين الجزائر والمغرب. ودعت السعودية البلدين إلى تغليب الحوار.")).toEqual([
      "SAU 02 DZA",
      "SAU 02 MAR",
    ]);
  });

  it("gives a circumstantial participle the subject of its clause", () => {
    expect(dyads("هدد الرئيس الأمريكي بفرض عقوبات على العراق، مطالبا بغداد بتعويض واشنطن.")).toEqual([
      "USAGOV 13 IRQ",
      "USAGOV 10 IRQGOV",
    ]);
  });

  it("swaps the parties of a verb of receiving", () => {
    expect(dyads("تلقى الرئيس السوري اتصالا هاتفيا من رئيس دولة الإمارات.")).toEqual(["AREGOV 04 SYRGOV"]);
  });

  it("makes the host of a meeting meet its parties, and parties 'between' whom it is held meet each other", () => {
    expect(
      dyads(
        "التقى وزير الخارجية الأمريكي نظيره الروسي أمس في الرياض، في اجتماع استضافته المملكة العربية السعودية.",
      ),
    ).toEqual(["USAGOV 04 RUSGOV", "SAU 04 USAGOV", "SAU 04 RUSGOV"]);
    expect(
      dyads(
        "وجاء الاتفاق بعد جولة من المحادثات استضافتها العاصمة العمانية بين وزير الخارجية الإيراني ونظيره الأمريكي.",
      ).sort(),
    ).toEqual(["IRNGOV 04 USAGOV", "OMN 04 IRNGOV", "OMN 04 USAGOV", "USAGOV 04 IRNGOV"]);
  });

  it("aims a judgement of a measure at whoever the article first says took it", () => {
    expect(
      dyads("اعتمد مجلس الأمن الدولي قرارا يدعو إلى هدنة في السودان. ورحبت الحكومة السودانية بالقرار."),
    ).toEqual(["SDNGOV 05 IGOUNO"]);
  });

  it("aims a warning at the first other party of the clause after 'أن', never at the warner's own country", () => {
    expect(
      dyads("حذر رئيس الوزراء الإسرائيلي من أن إسرائيل سترد بقوة إذا هاجم حزب الله المدن الشمالية.")[0],
    ).toBe("ISRGOV 13 LBNREBHEZ");
    expect(
      dyads(
        "هدد الرئيس الأمريكي دونالد ترامب بفرض عقوبات قاسية جدا على العراق إذا أجبرت القوات الأمريكية على المغادرة.",
      ),
    ).toEqual(["USA 13 IRQ"]);
  });

  it("aims an attack whose pattern names no object at the first other party of its clause", () => {
    expect(
      dyads("واصلت القوات التركية أمس قصفها الجوي لمواقع قوات سوريا الديمقراطية في شمال سوريا."),
    ).toEqual(["TURMIL 19 SYRREBSDF"]);
    // the nationality after an attack noun is its doer, never its object
    expect(dyads("ورحبت السعودية بالضربة الصاروخية الأمريكية على قاعدة الشعيرات.")).toEqual([]);
  });

  it("lets a mediator deal with the parties of what it brought about", () => {
    expect(
      dyads("دخلت الهدنة بين الجيش السوداني وقوات الدعم السريع حيز التنفيذ بوساطة قطرية تركية.").sort(),
    ).toEqual([
      "QAT 04 SDNMIL",
      "QAT 04 SDNREBRSF",
      "SDNMIL 08 SDNREBRSF",
      "SDNREBRSF 08 SDNMIL",
      "TUR 04 SDNMIL",
      "TUR 04 SDNREBRSF",
    ]);
  });

  it("never reads a word that points back as part of a name before it", () => {
    const doc = pipeline.analyse({
      id: "t",
      text: "تصاعد التوتر بين الجزائر والمغرب. ودعا الوسيط سليم برهوم الطرفين إلى الحوار.",
    });
    const texts = (doc.actors ?? []).map((a) => `${a.text}:${a.head}`);
    expect(texts).toContain("سليم برهوم:person");
    expect(texts).toContain("الطرفين:pointer");
    expect(dyads("تصاعد التوتر بين الجزائر والمغرب. ودعا آبي أحمد الطرفين إلى الحوار.")).toEqual([
      "ETHGOV 02 DZA",
      "ETHGOV 02 MAR",
    ]);
  });

  it("targets the author of an earlier attack when a later sentence condemns it", () => {
    expect(dyads("شنت إسرائيل غارات على قطاع غزة. ودانت كل من مصر وقطر الغارات.")).toEqual([
      "ISR 19 PSE",
      "EGY 11 ISR",
      "QAT 11 ISR",
    ]);
  });

  it("takes a passive's agent from على أيدي and an arrest without one as the state's", () => {
    const arrests = dyads("خرج المحتجون في بغداد. وتم اعتقال مئات المتظاهرين في بغداد.");
    expect(arrests).toContain("IRQCOP 17 IRQCVL");
  });

  it("does not code what a demand asks for as an event that happened", () => {
    expect(dyads("وطالب الأمين العام للأمم المتحدة الحوثيين بالإفراج عن موظفي الأمم المتحدة.")).toEqual([
      "IGOUNO 10 YEMREBHOU",
    ]);
  });

  it("reads 'بطلب من' as 'at the request of', not as a verb", () => {
    expect(dyads("يعقد الوزراء العرب اجتماعا طارئا في القاهرة بطلب من مصر.")).not.toContain("- 02 EGY");
    expect(
      dyads("يعقد الوزراء العرب اجتماعا طارئا في القاهرة بطلب من مصر.").some((d) => d.includes(" 02 ")),
    ).toBe(false);
  });
});

describe("event modality", () => {
  const modality = (text: string) =>
    pipeline.run({ id: "t", text, published: "2024-03-15" }).events.map((e) => e.modality);

  it("reads a cue before the أن that opens the verb's clause", () => {
    expect(modality("ومن المقرر أن يلتقي الرئيس المصري نظيره الأردني.")).toEqual(["future"]);
  });

  it("makes a subjunctive verb after أن hypothetical, and a verbal noun after أي", () => {
    expect(modality("وقال إنه ليس من مصلحة أحد أن تنسحب القوات التركية من ليبيا.")).toEqual(["hypothetical"]);
    expect(modality("وحذر الوزير من أي هجوم إسرائيلي على رفح.")).toContain("hypothetical");
  });

  it("keeps قد before a perfect verb asserted", () => {
    expect(modality("وقد التقى الرئيس المصري نظيره الأردني.")).toEqual(["asserted"]);
  });
});

describe("protests and attacks with their doers", () => {
  it("codes unnamed protesters as the people of the place, protesting their government", () => {
    expect(dyads("تظاهر الآلاف أمس السبت في ساحة الشهداء وسط بيروت.")).toEqual(["LBNCVL 14 LBNGOV"]);
  });

  it("takes the doer of an attack from the relative verb on it", () => {
    expect(dyads("قتل عشرات المدنيين في هجوم شنته قوات الدعم السريع على قرية في السودان.")).toContain(
      "SDNREBRSF 19 SDN",
    );
  });
});

describe("voice", () => {
  it("reads a perfect verb written with a damma as passive: what follows is its object", () => {
    expect(dyads("اعتُقل المعارض التونسي أمس في العاصمة.")).toEqual(["TUNCOP 17 TUNOPP"]);
  });
});

describe("rejections, vows and pointers", () => {
  it("reads negated acceptance or recognition as a rejection, and only what is named as rejected", () => {
    expect(dyads("وأكد المتحدث أن حماس لن تقبل بأي شروط إسرائيلية.")).toEqual(["PSEREBHMS 12 ISR"]);
    expect(dyads("وقال إن مصر لن تقبل بتهجير الفلسطينيين.")).toEqual([]);
    // without negation the same words are no event
    expect(dyads("وأكد المتحدث أن حماس تقبل بالشروط الإسرائيلية.")).toEqual([]);
  });

  it("aims a vow at the coordinated capitals of its clause, and gives a group's member its code", () => {
    expect(
      dyads("وتوعد عضو المكتب السياسي للحوثيين محمد البخيتي بأن واشنطن ولندن ستدفعان ثمنا باهظا.").sort(),
    ).toEqual(["YEMREBHOU 13 GBRGOV", "YEMREBHOU 13 USAGOV"]);
  });

  it("resolves a pointer to a named group before it, never to one after it", () => {
    expect(
      dyads(
        "أعلنت حركة حماس رفضها للمقترح. وتوعد وزير الدفاع يسرائيل كاتس بأن أبواب الجحيم ستفتح في غزة إذا لم تطلق الحركة سراح المحتجزين.",
      ),
    ).toEqual(["ISRGOV 13 PSEREBHMS"]);
  });

  it("reads a verb spelled with a hamza before its lam as a verb, not as the article", () => {
    expect(dyads("وفي القاهرة أُلقي القبض على أكثر من 350 شخصا.")).toEqual(["EGYCOP 17 EGYCVL"]);
  });

  it("gives arrests that name no one to the state, or to the security force that reports them", () => {
    expect(dyads("وفي بغداد تم اعتقال العشرات خلال الليلة الماضية.")).toEqual(["IRQCOP 17 IRQCVL"]);
    expect(
      dyads(
        "وأعلنت وزارة الصحة الفلسطينية ارتفاع عدد القتلى، فيما قال المتحدث باسم الجيش الإسرائيلي إنه تم اعتقال أكثر من 120 مشتبها بهم.",
      ),
    ).toEqual(["ISRMIL 17 PSECVL"]);
  });

  it("imposes a curfew announced by a light verb on the people of the place", () => {
    expect(
      dyads("خرج آلاف المحتجين في بغداد. وأعلنت قيادة العمليات المشتركة فرض حظر شامل للتجول في العاصمة."),
    ).toContain("IRQMIL 17 IRQCVL");
    // a verbal noun far from the light verb's subject is not its act
    expect(dyads("أعلنت الحكومة أمس عن خطة لمواجهة الاحتجاجات.")).toEqual([]);
  });

  it("gives aid on its way from the vehicle's nationality to the place it reaches", () => {
    expect(
      dyads("وصلت إلى مطار بنينا في بنغازي طائرات عسكرية مصرية وجزائرية محملة بالمساعدات الطبية.").sort(),
    ).toEqual(["DZA 07 LBY", "EGY 07 LBY"]);
    expect(dyads("وأرسلت تركيا سفينة تحمل مستشفيين ميدانيين لمساندة السلطات الليبية.")).toEqual([
      "TUR 07 LBYGOV",
    ]);
    expect(
      dyads("وأعلنت الإمارات تخصيص مئة مليون دولار لإغاثة متضرري الزلزال في سوريا وتركيا.").sort(),
    ).toEqual(["ARE 07 SYR", "ARE 07 TUR"]);
  });

  it("codes a denied attack as a denial of responsibility, and the denier's next act as asserted", () => {
    expect(
      dyads(
        "من جانبه، نفى لافروف في مؤتمر صحفي منفصل أن تكون روسيا قد هاجمت أوكرانيا، واتهم الدول الغربية بتزويد كييف بالأسلحة.",
      ),
    ).toEqual(["RUS 01 UKR", "RUSGOV 11 WST"]);
  });

  it("reads a verb after 'قبل أن' as done by the sentence's subject, with a delegation of the group it names", () => {
    expect(
      dyads(
        "وصل رئيس الوزراء الإثيوبي آبي أحمد إلى الخرطوم، والتقى الفريق أول عبد الفتاح البرهان، قبل أن يجتمع بوفد من قادة قوى إعلان الحرية والتغيير.",
      ),
    ).toContain("ETHGOV 04 SDNOPP");
  });

  it("frees each of several counted nationalities, and keeps them out of 'the two sides'", () => {
    const text =
      "أفرجت الحكومة اليمنية وجماعة الحوثي عن مئات الأسرى، كما أطلق الحوثيون سراح خمسة عشر سعوديا وأربعة سودانيين. ودعا المبعوث الأممي مارتن غريفيث الطرفين إلى مواصلة التفاوض.";
    const found = dyads(text);
    expect(found).toContain("YEMREBHOU 08 SAU");
    expect(found).toContain("YEMREBHOU 08 SDN");
    expect(found).toContain("IGOUNO 02 YEMGOV");
    expect(found).not.toContain("IGOUNO 02 SAU");
  });

  it("judges by description only when the description condemns, aimed at the author of what it describes", () => {
    const sanctions = "فرض الاتحاد الأوروبي عقوبات على إيران. ";
    expect(dyads(`${sanctions}ووصف المتحدث الإيراني العقوبات بأنها غير قانونية.`)).toContain(
      "IRNGOV 11 IGOEUREEC",
    );
    expect(dyads(`${sanctions}ووصف المتحدث الإيراني العقوبات بأنها متوقعة.`)).not.toContain(
      "IRNGOV 11 IGOEUREEC",
    );
    expect(
      dyads("طردت روسيا دبلوماسيين بريطانيين. ووصفت الخارجية البريطانية الاتهامات بأنها لا أساس لها."),
    ).toContain("GBRGOV 12 RUS");
  });

  it("takes a noun's nationality right after the verb as its subject ('شنت الطائرات التركية غارات')", () => {
    expect(dyads("شنت الطائرات التركية غارات على شمال سوريا.")).toEqual(["TUR 19 SYR"]);
  });

  it("attributes a warning's clause to the one who warns, and a participle's to the sentence's subject", () => {
    const doc = pipeline.run({
      id: "t",
      text: "وحذر وزير الخارجية البريطاني جيريمي هانت من أن إيران ستواجه عواقب وخيمة. ونفى المتحدث باسم الخارجية الإيرانية أن تكون بلاده قد سلمت صواريخ لروسيا، مؤكدا أن طهران سترد.",
      published: "2024-03-15",
    });
    const speakers = (doc.attributions ?? []).map((a) => `${a.sentence} ${a.speaker.code} ${a.rule}`);
    expect(speakers).toContain("0 GBR attribution:130.hadhar_min_anna.perf3ms");
    expect(speakers).toContain("1 IRNGOV attribution:sp.akkada");
  });

  it("codes a killing named as a noun only with the agent named after it", () => {
    expect(
      dyads(
        "وذلك بعد يومين من مقتل قائد فيلق القدس الإيراني قاسم سليماني بغارة أمريكية قرب مطار بغداد الدولي.",
      ),
    ).toEqual(["USA 18 IRNMILIRG"]);
    expect(dyads("وأعلنت الوزارة مقتل قائد فيلق القدس الإيراني.")).toEqual([]);
  });

  it("aims an investigation at the suspects it names, with the speaker's own office as its source", () => {
    expect(
      dyads(
        "قال المدعي العام في المحكمة الجنائية الدولية كريم خان إن مكتبه يحقق في هجمات على المدنيين في إقليم دارفور يشتبه في أن قوات الدعم السريع والجيش السوداني ارتكباها.",
      ).sort(),
    ).toEqual(["IGOICC 09 SDNMIL", "IGOICC 09 SDNREBRSF"]);
  });

  it("gives unnamed people the country of the place their sentence names", () => {
    expect(
      dyads("وسقط عشرات المحتجين برصاص قوات الأمن في بغداد، ومقتل عشرات المحتجين برصاص قوات الأمن في بغداد."),
    ).toContain("IRQCOP 18 IRQCVL");
  });

  it("codes talks named by two nationalities as mutual, and dates an undated event by the story's lead", () => {
    const doc = pipeline.run({
      id: "t",
      text: "جولة أولى من المحادثات الإيرانية الأمريكية في مسقط\nعقد وفدان من إيران والولايات المتحدة أمس السبت في مسقط جولة أولى من المحادثات.",
      published: "2025-04-13",
    });
    const talks = doc.events.filter((e) => e.cameo === "040");
    expect(talks.map((e) => `${e.source?.code} ${e.target?.code}`).sort()).toEqual(["IRN USA", "USA IRN"]);
    expect(talks.map((e) => e.date)).toEqual(["2025-04-12", "2025-04-12"]);
  });

  it("leaves a pluperfect event undated by the story ('وكان ترامب قد هدد')", () => {
    const doc = pipeline.run({
      id: "t",
      text: "شنت تركيا أمس الأربعاء عملية عسكرية في شمال سوريا. وكان الرئيس الأمريكي قد هدد تركيا بعقوبات.",
      published: "2019-10-10",
    });
    const threat = doc.events.find((e) => e.cameo.startsWith("13"));
    expect(threat?.date).toBeNull();
  });

  it("addresses a call to free captives to whoever took them, and its rejection back to the caller", () => {
    const found = dyads(
      "احتجز الحوثيون موظفين أمميين في صنعاء. وطالب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالإفراج الفوري عن جميع الموظفين المحتجزين. غير أن الجماعة رفضت هذه المطالبات.",
    );
    expect(found).toContain("YEMREBHOU 17 IGOUNO");
    expect(found).toContain("IGOUNO 10 YEMREBHOU");
    expect(found).toContain("YEMREBHOU 12 IGOUNO");
  });

  it("reads promised retaliation and not hesitating to act as threats, one per warning", () => {
    expect(dyads("وحذر نتنياهو من أن إسرائيل ستضرب بقوة إذا خرق حزب الله الاتفاق.")).toEqual([
      "ISRGOV 13 LBNREBHEZ",
    ]);
    expect(dyads("وقال بايدن إنه لن يتردد في اتخاذ إجراءات إضافية ضد الحوثيين.")).toEqual([
      "USAGOV 13 YEMREBHOU",
    ]);
    // the present tense is no threat
    expect(dyads("وقال إن إسرائيل تضرب بقوة مواقع حزب الله.")).not.toContain("ISR 13 LBNREBHEZ");
  });

  it("reads a reception as a visit by the guest, and sending a delegation as a visit by the sender", () => {
    const found = dyads(
      "واستقبل ولي العهد السعودي الأمير محمد بن سلمان أمير قطر الشيخ تميم بن حمد في مطار العلا.",
    );
    expect(found).toContain("SAUGOV 04 QATGOV");
    expect(found).toContain("QATGOV 04 SAUGOV");
    expect(dyads("وأعلنت القاهرة أنها سترسل وفدين أمنيين إلى تل أبيب والأراضي الفلسطينية.").sort()).toEqual([
      "EGYGOV 04 ISRGOV",
      "EGYGOV 04 PSE",
    ]);
  });

  it("finds what an attack hits in a long object, and the speaker's fighters as its source", () => {
    expect(
      dyads(
        "أعلن حزب الله أمس أن مقاتليه استهدفوا بالصواريخ الموجهة عدة مواقع عسكرية إسرائيلية قبالة الحدود.",
      ),
    ).toEqual(["LBNREBHEZ 19 ISR"]);
    expect(dyads("وردت المدفعية الإسرائيلية بقصف أطراف بلدات عيتا الشعب.")).toEqual(["ISR 19 LBN"]);
  });

  it("resolves 'the minister' to the minister named last, not to a body of another country", () => {
    const doc = pipeline.analyse({
      id: "t",
      text: "وتوعد غالانت بيروت. وقال وزير الدفاع الإسرائيلي يوآف غالانت إن الحرب قد تتوسع. وأضاف الوزير أن الجيش رفع جاهزيته.",
      published: "2023-11-12",
    });
    expect(doc.actors?.find((a) => a.text === "الوزير")?.code).toBe("ISRGOV");
  });

  it("reads a verb with a written pronoun ه as the verb, not the look-alike noun in ة", () => {
    expect(
      dyads(
        "التقى لافروف نظيره الأوكراني كوليبا، في اجتماع ثلاثي استضافه وزير الخارجية التركي مولود جاووش أوغلو.",
      ),
    ).toContain("TURGOV 04 UKRGOV");
  });

  it("gives what an act 'constitutes' to its judge, aimed at the one judged", () => {
    expect(
      dyads(
        "وسارع رئيس الوزراء الإسرائيلي بنيامين نتنياهو إلى الرد، معتبرا أن الموقف الأمريكي يمثل تراجعا واضحا عن مواقف سابقة.",
      ),
    ).toEqual(["ISRGOV 11 USA"]);
    expect(dyads("وقال الوزير إن الاجتماع يمثل فرصة مهمة.")).toEqual([]);
  });

  it("keeps the pluperfect and relative ما out of hypothetical and negated modality", () => {
    const modalities = (text: string) =>
      pipeline
        .run({ id: "t", text, published: "2020-01-06" })
        .events.map((e) => `${e.cameo.slice(0, 2)} ${e.modality}`);
    expect(modalities("وكان المرشد الإيراني قد توعد الولايات المتحدة بالانتقام.")).toEqual(["13 asserted"]);
    expect(
      modalities(
        "طردت روسيا دبلوماسيين بريطانيين، وهو ما وصفته الخارجية البريطانية بأنه اتهامات لا أساس لها.",
      ),
    ).toContain("12 asserted");
    expect(modalities("وقال إن الولايات المتحدة ستعمل مع فرنسا لضمان التنفيذ.")).toEqual(["03 future"]);
  });

  it("finds a nationality object at a sentence's end, and who a news agency quotes as the speaker", () => {
    expect(dyads("رحبت مصر بالمبادرة الإثيوبية.")).toEqual(["EGY 05 ETH"]);
    const doc = pipeline.run({
      id: "t",
      text: "أعلن الجيش السوداني قبول الوساطة. ونقلت وكالة السودان للأنباء عن المجلس العسكري ترحيبه بالمبادرة الإثيوبية.",
      published: "2019-06-08",
    });
    expect(dyadsOf(doc)).toContain("SDNMIL 05 ETH");
    expect(
      doc.attributions?.some((a) => a.rule === "attribution:sp.naqala" && a.speaker.code === "SDNMIL"),
    ).toBe(true);
  });

  it("codes a second demand joined by و, addressed to the holder of the captives", () => {
    expect(
      dyads(
        "اعتمد مجلس الأمن الدولي قرارا يطالب بوقف فوري لإطلاق النار في غزة، وبالإفراج الفوري عن جميع الرهائن المحتجزين لدى حركة حماس.",
      ),
    ).toContain("IGOUNO 10 PSEREBHMS");
  });

  it("splits two definite roles side by side into two actors, but keeps a rank with its name", () => {
    expect(
      dyads(
        "قال المدعي العام في المحكمة الجنائية الدولية كريم خان إن التحقيق مستمر. ودعا المدعي العام السلطات السودانية إلى التعاون.",
      ),
    ).toContain("IGOICC 02 SDNGOV");
    expect(dyads("والتقى آبي أحمد رئيس المجلس العسكري الانتقالي الفريق أول عبد الفتاح البرهان.")).toEqual([
      "ETHGOV 04 SDNMIL",
    ]);
  });

  it("reads summoning one's own envoy as a recall from the capital named, and a denial as owed to the accuser", () => {
    expect(dyads("بغداد تستدعي قائمها بالأعمال من أنقرة بعد قصف منتجع في زاخو")).toEqual([
      "IRQGOV 16 TURGOV",
    ]);
    const found = dyads(
      "وحمّلت الحكومة العراقية القوات التركية مسؤولية الهجوم. في المقابل، نفت وزارة الخارجية التركية أي مسؤولية لأنقرة عن الهجوم.",
    );
    expect(found).toContain("TURGOV 01 IRQGOV");
  });

  it("owes the release of unnamed captives to the party whose people the same side took", () => {
    const doc = pipeline.run({
      id: "t",
      text: "احتجز الحوثيون موظفين أمميين في صنعاء. ولم تفرج سلطات صنعاء حتى الآن عن أي من المحتجزين.",
      published: "2024-06-11",
    });
    expect(
      doc.events.map((e) => `${e.source?.code} ${e.cameo.slice(0, 2)} ${e.target?.code} ${e.modality}`),
    ).toContain("YEMREBHOU 08 IGOUNO negated");
  });

  it("reads a name in apposition to a demand's subject as no addressee", () => {
    // (on a date when Salamé is the UN envoy; before or after it he is a Lebanese citizen)
    const doc = pipeline.run({
      id: "t",
      text: "وطالب المبعوث الأممي إلى ليبيا غسان سلامة بهدنة إنسانية عاجلة تسمح بإجلاء الجرحى الليبيين.",
      published: "2019-04-09",
    });
    expect(dyadsOf(doc)).toEqual(["IGOUNO 10 LBYCVL"]);
  });

  it("points 'the group' back to the international body named last, with sanctions named before their object", () => {
    expect(
      dyads(
        "انقضت المهلة التي حددتها المجموعة الاقتصادية لدول غرب أفريقيا. وكانت المجموعة قد فرضت على نيامي عقوبات اقتصادية ومالية.",
      ),
    ).toContain("IGOWAFECW 16 NERGOV");
  });

  it("reads cooperation described as a standing relation as no act", () => {
    expect(dyads("وأضاف أن ذلك يثير التساؤل في ظل التعاون الأمني الوثيق بين تونس والمملكة المتحدة.")).toEqual(
      [],
    );
    expect(dyads("وبحث الوزيران التعاون الأمني الوثيق بين تونس والمملكة المتحدة.")).toEqual([]);
  });
});
