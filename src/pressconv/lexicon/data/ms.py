"""Malay (Bahasa Melayu) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (
        r"tarikh\s+(?:diterbitkan|terbitan|siaran|dikeluarkan|disiarkan)",
        # The Indonesian entry: "diterbitkan pada" must not stop at "diterbitkan".
        r"(?:diterbitkan|dipublikasikan|dipublikasi|diposting|diunggah|disiarkan|dikeluarkan)(?:\s+(?:pada|tanggal))?",
    ),
    "date_word": ("tarikh",),
    "updated": (r"(?:dikemas\s*kini|dikemaskini|kemas\s*kini\s+terakhir)(?:\s+pada)?", r"tarikh\s+kemas\s*kini"),
    "label": (r"kenyataan\s+(?:media|akhbar)", r"siaran\s+(?:media|akhbar)"),
    "label_line": (r"kenyataan\s+media", r"siaran\s+media"),
    "tail_word": ("dikemaskini",),
    "organisation": ("kementerian", "jabatan", "kerajaan", "universiti", "polis", "majlis", "lembaga", "sdn", "bhd", "berhad"),
    "notes_heading": (r"nota\s+(?:kepada|untuk)\s+(?:editor|pengarang)",),
    "about": (r"mengenai", r"tentang"),
    "about_article": ("kami",),
    "contact_heading": (
        r"(?:untuk\s+)?pertanyaan\s+media",
        r"(?:hubungan|perhubungan)\s+(?:media|awam)",
        r"(?:untuk\s+)?maklumat\s+lanjut\s*(?:,\s*)?(?:sila\s+)?hubungi",
    ),
    "contact_heading_weak": (r"hubungi\s+kami", r"(?:untuk\s+)?maklumat\s+lanjut"),
    "contact_first_word": ("untuk", "pertanyaan", "hubungan", "perhubungan", "maklumat", "hubungi"),
    "contact_field": (r"tel", r"telefon", r"faks", r"e-?mel"),
    "speech_verb": (r"katanya", r"ujarnya", r"jelasnya"),
    "share": (
        r"kongsi(?:kan)?(?:\s+(?:ke|di)\s+{network})?",
        r"ikuti\s+kami(?:\s+di\s+{network})?",
        r"salin\s+pautan",
    ),
    "print": (r"cetak", r"muat\s+turun\s+pdf", r"saiz\s+(?:teks|fon|huruf)"),
    "navigation": (
        r"kembali(?:\s+ke\s+(?:atas|senarai|laman\s+utama))?",
        r"berita\s+berkaitan|baca\s+lagi|(?:berita|artikel)\s+(?:sebelum|seterusnya)",
        r"laman\s+utama(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "comments": (r"(?:\d+\s+)?komen", r"tinggalkan\s+komen"),
    "cookie_subject": (r"kami\s+menggunakan", r"laman\s+web\s+ini\s+menggunakan"),
    "cookie_word": (r"kuki",),
    "cookie_purpose": (r"pengalaman", r"laman", r"perkhidmatan", r"analisis", r"iklan", r"persetujuan"),
    "cookie": (r"(?:terima|tolak)\s+(?:semua|kuki)", r"tetapan\s+kuki"),
    "caption_label": (r"gambar", r"foto", r"sumber\s+gambar"),
    "rights_reserved": (r"hak\s+cipta\s+terpelihara",),
    "rights_word": ("terpelihara",),
    "long_line_word": ("kuki",),
}
