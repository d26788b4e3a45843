"""Each language file, read as the readers read it: a press office's own formula words in that language are
recognised (share and print buttons, markers, labels, headings, end marks), and its ordinary sentences are not.

The lines are short formula text of the kind every press page in the language prints, not text from any page.
"""

from __future__ import annotations

import pytest

from pressconv import lexicon, lines
from pressconv.readers import header, structure
from pressconv.readers.roles import signals

#: (kind, line) by language: `recognised(kind, line)` must hold.
SAMPLES: dict[str, list[tuple[str, str]]] = {
    "ja": [
        ("chrome", "シェアする"),
        ("chrome", "ツイート"),
        ("chrome", "Facebookでシェア"),
        ("chrome", "印刷する"),
        ("chrome", "このページを印刷する"),
        ("chrome", "一覧へ戻る"),
        ("chrome", "ページの先頭へ戻る"),
        ("chrome", "ホーム > ニュース > 2024年"),
        ("chrome", "写真：左から2人目が代表"),
        ("chrome", "すべてのクッキーを受け入れる"),
        ("label", "報道関係者各位"),
        ("label", "プレスリリース"),
        ("published", "公開日：2024年3月12日"),
        ("published", "配信日時 2024年3月12日"),
        ("updated", "最終更新日：2024年3月12日"),
        ("end", "以上"),
        ("contact", "本件に関するお問い合わせ先"),
        ("contact", "報道関係者からのお問い合わせ先"),
        ("lex:background_heading", "会社概要"),
        ("lex:share", "シェアする"),
    ],
    "zh": [
        ("chrome", "分享到："),
        ("chrome", "分享到 微信 微博"),
        ("chrome", "打印本页"),
        ("chrome", "返回顶部"),
        ("chrome", "上一篇：某市召开年度会议"),
        ("chrome", "首页 > 新闻中心 > 通知公告"),
        ("chrome", "版权所有"),
        ("chrome", "来源：市政府办公室"),
        ("label", "新闻稿"),
        ("label", "新聞稿"),
        ("published", "发布时间：2024-03-12"),
        ("published", "發佈日期：2024年3月12日"),
        ("updated", "更新时间：2024-03-12"),
        ("end", "（完）"),
        ("contact", "媒体联系人"),
        ("contact", "媒體查詢："),
        ("lex:background_heading", "关于我们"),
        ("lex:share", "分享到"),
    ],
    "ko": [
        ("chrome", "공유하기"),
        ("chrome", "카카오톡으로 공유하기"),
        ("chrome", "인쇄"),
        ("chrome", "목록으로"),
        ("chrome", "맨 위로"),
        ("chrome", "URL 복사"),
        ("chrome", "홈 > 알림마당 > 보도자료"),
        ("label", "보도자료"),
        ("label", "보도참고자료"),
        ("published", "등록일 2024-03-12"),
        ("published", "작성일: 2024.03.12"),
        ("updated", "최종 수정일 2024-03-12"),
        ("end", "<끝>"),
        ("contact", "보도 관련 문의"),
        ("lex:background_heading", "회사 소개"),
    ],
    "ar": [
        ("chrome", "مشاركة"),
        ("chrome", "مشاركة عبر فيسبوك"),
        ("chrome", "طباعة الصفحة"),
        ("chrome", "العودة إلى الأعلى"),
        ("chrome", "الرئيسية > الأخبار > بيانات"),
        ("chrome", "جميع الحقوق محفوظة"),
        ("label", "بيان صحفي"),
        ("published", "تاريخ النشر: 12/03/2024"),
        ("updated", "آخر تحديث 12/03/2024"),
        ("end", "-انتهى-"),
        ("notes", "ملاحظات للمحررين"),
        ("contact", "للاستفسارات الإعلامية"),
    ],
    "he": [
        ("chrome", "שתפו"),
        ("chrome", "שתף בפייסבוק"),
        ("chrome", "הדפסה"),
        ("chrome", "חזרה לראש העמוד"),
        ("chrome", "צילום: דוברות העירייה"),
        ("chrome", "כל הזכויות שמורות"),
        ("label", "הודעה לעיתונות"),
        ("published", "פורסם: 12.03.2024"),
        ("updated", "עודכן 12.03.2024"),
        ("notes", "הערות לעורכים"),
        ("contact", "לפניות התקשורת"),
    ],
    "ru": [
        ("chrome", "Поделиться"),
        ("chrome", "Поделиться в ВКонтакте"),
        ("chrome", "Версия для печати"),
        ("chrome", "Вернуться к списку новостей"),
        ("chrome", "Фото: пресс-служба мэрии"),
        ("chrome", "Все права защищены"),
        ("chrome", "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter"),
        ("chrome", "Мы используем файлы cookie, чтобы сделать работу сайта удобнее"),
        ("label", "Пресс-релиз"),
        ("published", "Опубликовано: 12 марта 2024"),
        ("published", "Дата публикации: 12.03.2024"),
        ("updated", "Обновлено 12.03.2024"),
        ("notes", "Примечание для редакторов"),
        ("contact", "Контакты для СМИ"),
        ("contact", "Пресс-служба"),
    ],
    "uk": [
        ("chrome", "Поділитися"),
        ("chrome", "Версія для друку"),
        ("chrome", "Повернутися до списку"),
        ("chrome", "Усі права захищені"),
        ("label", "Прес-реліз"),
        ("published", "Опубліковано 12 березня 2024"),
        ("updated", "Оновлено: 12.03.2024"),
        ("notes", "Примітки для редакторів"),
        ("contact", "Контакти для ЗМІ"),
    ],
    "el": [
        ("chrome", "Κοινοποίηση"),
        ("chrome", "ΚΟΙΝΟΠΟΙΗΣΗ"),
        ("chrome", "Εκτύπωση"),
        ("chrome", "Επιστροφή στη λίστα"),
        ("chrome", "Φωτογραφία: Γραφείο Τύπου"),
        ("label", "Δελτίο Τύπου"),
        ("label", "ΔΕΛΤΙΟ ΤΥΠΟΥ"),
        ("published", "Δημοσιεύθηκε: 12/03/2024"),
        ("updated", "Τελευταία ενημέρωση: 12/03/2024"),
        ("notes", "Σημειώσεις για τους συντάκτες"),
        ("contact", "Γραφείο Τύπου"),
    ],
    "hi": [
        ("chrome", "शेयर करें"),
        ("chrome", "प्रिंट"),
        ("chrome", "होम > प्रेस विज्ञप्ति"),
        ("chrome", "फोटो: सूचना विभाग"),
        ("label", "प्रेस विज्ञप्ति"),
        ("published", "प्रकाशन तिथि: 12 मार्च 2024"),
        ("contact", "मीडिया संपर्क"),
    ],
    "tr": [
        ("chrome", "Paylaş"),
        ("chrome", "Facebook'ta paylaş"),
        ("chrome", "Yazdır"),
        ("chrome", "Ana Sayfa > Haberler > Duyurular"),
        ("chrome", "Tüm hakları saklıdır"),
        ("chrome", "Fotoğraf: Belediye Basın Birimi"),
        ("label", "Basın Bülteni"),
        ("label", "BASIN AÇIKLAMASI"),
        ("published", "Yayınlanma Tarihi: 12.03.2024"),
        ("updated", "Son Güncelleme: 12.03.2024"),
        ("notes", "Editöre Not"),
        ("contact", "Basın İletişim"),
        ("contact", "İletişim Bilgileri:"),
    ],
    "cs": [
        ("chrome", "Sdílet na Facebooku"),
        ("chrome", "Sdílet"),
        ("chrome", "Tisk"),
        ("chrome", "Zpět na seznam"),
        ("chrome", "Úvod > Aktuality > Tiskové zprávy"),
        ("chrome", "Foto: Magistrát města"),
        ("chrome", "Všechna práva vyhrazena"),
        ("label", "Tisková zpráva"),
        ("published", "Publikováno: 12. 3. 2024"),
        ("published", "Datum zveřejnění: 12. 3. 2024"),
        ("updated", "Aktualizováno 12. 3. 2024"),
        ("notes", "Poznámky pro editory"),
        ("contact", "Kontakt pro média"),
    ],
    "sk": [
        ("chrome", "Zdieľať"),
        ("chrome", "Tlačiť"),
        ("chrome", "Späť na zoznam"),
        ("chrome", "Všetky práva vyhradené"),
        ("label", "Tlačová správa"),
        ("published", "Zverejnené: 12. 3. 2024"),
        ("updated", "Aktualizované 12. 3. 2024"),
        ("notes", "Poznámky pre editorov"),
        ("contact", "Kontakt pre médiá"),
    ],
    "id": [
        ("chrome", "Bagikan"),
        ("chrome", "Bagikan ke Facebook"),
        ("chrome", "Cetak"),
        ("chrome", "Kembali ke atas"),
        ("chrome", "Baca juga: Pemerintah resmikan jembatan baru"),
        ("chrome", "Beranda > Berita > Siaran Pers"),
        ("chrome", "Hak Cipta © 2024 Kementerian Contoh"),
        ("label", "Siaran Pers"),
        ("published", "Diterbitkan pada 12 Maret 2024"),
        ("updated", "Diperbarui 12 Maret 2024"),
        ("notes", "Catatan untuk editor"),
        ("contact", "Kontak Media"),
        ("contact", "Narahubung"),
    ],
    "ms": [
        ("chrome", "Kongsi"),
        ("chrome", "Kongsi di Facebook"),
        ("chrome", "Cetak"),
        ("chrome", "Hak Cipta Terpelihara"),
        ("label", "Kenyataan Media"),
        ("published", "Tarikh diterbitkan: 12 Mac 2024"),
        ("updated", "Dikemaskini pada 12 Mac 2024"),
        ("notes", "Nota kepada editor"),
        ("contact", "Pertanyaan media"),
    ],
    "ga": [
        ("chrome", "Roinn ar Facebook"),
        ("chrome", "Priontáil"),
        ("chrome", "Ar ais go barr"),
        ("chrome", "Gach ceart ar cosaint"),
        ("label", "Preasráiteas"),
        ("published", "Foilsithe: 12 Márta 2024"),
        ("updated", "Nuashonraithe 12 Márta 2024"),
        ("end", "Críoch"),
        ("notes", "Nótaí do Eagarthóirí"),
        ("contact", "Fiosruithe ó na meáin"),
    ],
    "ca": [
        ("chrome", "Comparteix a Facebook"),
        ("chrome", "Imprimeix"),
        ("chrome", "Tornar a la llista"),
        ("chrome", "Inici > Actualitat > Notes de premsa"),
        ("chrome", "Tots els drets reservats"),
        ("label", "Nota de premsa"),
        ("published", "Publicat el 12 de març de 2024"),
        ("updated", "Actualitzat el 12/03/2024"),
        ("notes", "Notes per als editors"),
        ("contact", "Gabinet de premsa"),
    ],
    "eu": [
        ("chrome", "Partekatu"),
        ("chrome", "Partekatu Facebooken"),
        ("chrome", "Inprimatu"),
        ("chrome", "Itzuli zerrendara"),
        ("label", "Prentsa oharra"),
        ("published", "Argitaratze data: 2024/03/12"),
        ("contact", "Prentsa harremanak"),
    ],
    "gl": [
        ("chrome", "Compárteo"),
        ("chrome", "Voltar á lista"),
        ("chrome", "Todos os dereitos reservados"),
        ("published", "Publicado o 12 de marzo de 2024"),
        ("notes", "Notas para os editores"),
        ("contact", "Gabinete de comunicación"),
    ],
    "ro": [
        ("chrome", "Distribuie pe Facebook"),
        ("chrome", "Printează"),
        ("chrome", "Înapoi la listă"),
        ("chrome", "Acasă > Știri > Comunicate"),
        ("chrome", "Toate drepturile rezervate"),
        ("label", "Comunicat de presă"),
        ("label", "COMUNICAT DE PRESĂ"),
        ("published", "Publicat la 12 martie 2024"),
        ("published", "Publicat pe 12.03.2024"),
        ("updated", "Ultima actualizare: 12.03.2024"),
        ("notes", "Note pentru editori"),
        ("contact", "Biroul de presă"),
    ],
    "hu": [
        ("chrome", "Megosztás"),
        ("chrome", "Megosztás Facebookon"),
        ("chrome", "Nyomtatás"),
        ("chrome", "Vissza a listához"),
        ("chrome", "Főoldal > Hírek > Sajtóközlemények"),
        ("chrome", "Minden jog fenntartva"),
        ("label", "Sajtóközlemény"),
        ("published", "Közzétéve: 2024. március 12."),
        ("updated", "Utolsó módosítás: 2024. március 12."),
        ("notes", "Megjegyzések a szerkesztőknek"),
        ("contact", "Sajtókapcsolat"),
    ],
    "et": [
        ("chrome", "Jaga"),
        ("chrome", "Jaga Facebookis"),
        ("chrome", "Prindi"),
        ("chrome", "Tagasi üles"),
        ("chrome", "Kõik õigused kaitstud"),
        ("label", "Pressiteade"),
        ("published", "Avaldatud: 12.03.2024"),
        ("updated", "Viimati muudetud 12.03.2024"),
        ("notes", "Info toimetajatele"),
        ("contact", "Meediakontakt"),
    ],
    "is": [
        ("chrome", "Deila á Facebook"),
        ("chrome", "Prenta"),
        ("chrome", "Til baka"),
        ("chrome", "Öll réttindi áskilin"),
        ("label", "Fréttatilkynning"),
        ("published", "Birt: 12. mars 2024"),
        ("updated", "Síðast uppfært 12. mars 2024"),
        ("notes", "Upplýsingar til ritstjóra"),
        ("contact", "Nánari upplýsingar veitir"),
    ],
    "th": [
        ("chrome", "แชร์"),
        ("chrome", "แชร์ไปยัง Facebook"),
        ("chrome", "พิมพ์"),
        ("chrome", "กลับหน้าหลัก"),
        ("chrome", "หน้าแรก > ข่าวประชาสัมพันธ์"),
        ("chrome", "สงวนลิขสิทธิ์"),
        ("label", "ข่าวประชาสัมพันธ์"),
        ("published", "วันที่เผยแพร่ 12/03/2024"),
        ("contact", "ข้อมูลสำหรับสื่อมวลชน"),
    ],
    "vi": [
        ("chrome", "Chia sẻ"),
        ("chrome", "Chia sẻ lên Facebook"),
        ("chrome", "In bài viết"),
        ("chrome", "Quay lại"),
        ("chrome", "Trang chủ > Tin tức > Thông cáo báo chí"),
        ("chrome", "Ảnh: Bộ Y tế"),
        ("label", "Thông cáo báo chí"),
        ("published", "Ngày đăng: 12/03/2024"),
        ("updated", "Cập nhật lúc 12/03/2024"),
        ("contact", "Liên hệ báo chí"),
    ],
    "af": [
        ("chrome", "Deel"),
        ("chrome", "Deel op Facebook"),
        ("chrome", "Druk hierdie bladsy"),
        ("chrome", "Terug na nuus"),
        ("chrome", "Alle regte voorbehou"),
        ("label", "Persverklaring"),
        ("published", "Gepubliseer op 12 Maart 2024"),
        ("notes", "Notas aan redakteurs"),
        ("contact", "Medianavrae"),
    ],
    "hr": [
        ("chrome", "Podijeli"),
        ("chrome", "Podijeli na Facebooku"),
        ("chrome", "Ispiši"),
        ("chrome", "Povratak na vrh"),
        ("chrome", "Sva prava pridržana"),
        ("label", "Priopćenje za medije"),
        ("published", "Objavljeno: 12. ožujka 2024."),
        ("notes", "Napomene za urednike"),
        ("contact", "Kontakt za medije"),
        ("lex:background_heading", "O nama"),
    ],
    "sl": [
        ("chrome", "Delite"),
        ("chrome", "Deli na Facebooku"),
        ("chrome", "Natisni"),
        ("chrome", "Nazaj na seznam"),
        ("chrome", "Vse pravice pridržane"),
        ("label", "Sporočilo za javnost"),
        ("published", "Objavljeno dne 12. 3. 2024"),
        ("notes", "Opombe za urednike"),
        ("contact", "Kontakt za medije"),
    ],
    "bg": [
        ("chrome", "Сподели"),
        ("chrome", "Сподели във Facebook"),
        ("chrome", "Версия за печат"),
        ("chrome", "Обратно към новините"),
        ("chrome", "Всички права запазени"),
        ("label", "Прессъобщение"),
        ("published", "Публикувано на 12.03.2024"),
        ("updated", "Последна актуализация: 12.03.2024"),
        ("notes", "Бележки към редакторите"),
        ("contact", "Пресцентър"),
    ],
    "lt": [
        ("chrome", "Dalintis"),
        ("chrome", "Dalintis Facebook"),
        ("chrome", "Spausdinti"),
        ("chrome", "Grįžti į sąrašą"),
        ("chrome", "Visos teisės saugomos"),
        ("label", "Pranešimas spaudai"),
        ("published", "Paskelbta: 2024-03-12"),
        ("updated", "Atnaujinta 2024-03-12"),
        ("notes", "Pastabos redaktoriams"),
        ("contact", "Kontaktai žiniasklaidai"),
    ],
    "lv": [
        ("chrome", "Dalīties"),
        ("chrome", "Drukāt"),
        ("chrome", "Atpakaļ uz sarakstu"),
        ("chrome", "Visas tiesības aizsargātas"),
        ("label", "Preses relīze"),
        ("published", "Publicēts: 12.03.2024"),
        ("notes", "Piezīmes redaktoriem"),
        ("contact", "Kontakti medijiem"),
    ],
    "da": [
        ("chrome", "Del på Facebook"),
        ("chrome", "Udskriv"),
        ("chrome", "Tilbage til oversigten"),
        ("chrome", "Alle rettigheder forbeholdes"),
        ("label", "Pressemeddelelse"),
        ("published", "Publiceret den 12. marts 2024"),
        ("updated", "Senest opdateret 12. marts 2024"),
        ("notes", "Noter til redaktionen"),
        ("contact", "Pressekontakt"),
    ],
    "sv": [
        ("chrome", "Dela på Facebook"),
        ("chrome", "Skriv ut"),
        ("chrome", "Tillbaka till toppen"),
        ("chrome", "Alla rättigheter förbehållna"),
        ("label", "Pressmeddelande"),
        ("published", "Publicerad den 12 mars 2024"),
        ("updated", "Senast uppdaterad 12 mars 2024"),
        ("notes", "Information till redaktionen"),
        ("contact", "Presskontakt"),
    ],
    "nb": [
        ("chrome", "Del på Facebook"),
        ("chrome", "Skriv ut siden"),
        ("chrome", "Til toppen"),
        ("chrome", "Alle rettigheter reservert"),
        ("label", "Pressemelding"),
        ("published", "Publisert 12. mars 2024"),
        ("updated", "Sist oppdatert 12. mars 2024"),
        ("notes", "Merknad til redaksjonen"),
        ("contact", "Pressekontakt"),
    ],
    "nn": [
        ("chrome", "Attende til toppen"),
        ("chrome", "Les meir"),
        ("notes", "Merknadar til redaksjonen"),
        ("contact", "For meir informasjon, kontakt"),
    ],
    "fi": [
        ("chrome", "Jaa"),
        ("chrome", "Jaa Facebookissa"),
        ("chrome", "Tulosta"),
        ("chrome", "Takaisin etusivulle"),
        ("chrome", "Kuva: Kaupungin viestintä"),
        ("chrome", "Kaikki oikeudet pidätetään"),
        ("label", "Lehdistötiedote"),
        ("published", "Julkaistu 12.3.2024"),
        ("updated", "Päivitetty 12.3.2024"),
        ("notes", "Tiedoksi toimituksille"),
        ("contact", "Lisätietoja antaa"),
    ],
    "pl": [
        ("chrome", "Udostępnij"),
        ("chrome", "Udostępnij na Facebooku"),
        ("chrome", "Drukuj"),
        ("chrome", "Powrót do listy"),
        ("chrome", "Wszelkie prawa zastrzeżone"),
        ("chrome", "fot. Urząd Miasta"),
        ("label", "Komunikat prasowy"),
        ("label", "Informacja prasowa"),
        ("published", "Opublikowano: 12.03.2024"),
        ("updated", "Data aktualizacji: 12.03.2024"),
        ("notes", "Informacje dla redakcji"),
        ("contact", "Kontakt dla mediów"),
        ("lex:background_heading", "O nas"),
    ],
    "pt": [
        ("chrome", "Partilhar"),
        ("chrome", "Compartilhar no Facebook"),
        ("chrome", "Voltar ao topo"),
        ("chrome", "Todos os direitos reservados"),
        ("label", "Comunicado de imprensa"),
        ("label", "Nota à imprensa"),
        ("published", "Publicado em 12 de março de 2024"),
        ("published", "Publicado a 12 de março de 2024"),
        ("updated", "Atualizado em 12/03/2024"),
        ("notes", "Notas aos editores"),
        ("contact", "Assessoria de imprensa"),
        ("contact", "Contactos para a imprensa"),
    ],
    "it": [
        ("chrome", "Condividi"),
        ("chrome", "Condividi su Facebook"),
        ("chrome", "Stampa"),
        ("chrome", "Torna all'elenco"),
        ("chrome", "Tutti i diritti riservati"),
        ("label", "Comunicato stampa"),
        ("published", "Pubblicato il 12 marzo 2024"),
        ("updated", "Aggiornato il 12/03/2024"),
        ("notes", "Note per le redazioni"),
        ("contact", "Ufficio stampa"),
        ("contact", "Contatti stampa"),
    ],
    "nl": [
        ("chrome", "Delen"),
        ("chrome", "Delen op Facebook"),
        ("chrome", "Terug naar overzicht"),
        ("chrome", "Naar boven"),
        ("chrome", "Alle rechten voorbehouden"),
        ("label", "Persbericht"),
        ("published", "Gepubliceerd op 12 maart 2024"),
        ("updated", "Laatst gewijzigd op 12 maart 2024"),
        ("notes", "Noot voor de redactie"),
        ("contact", "Perscontact"),
    ],
}

#: Ordinary sentences of releases in each language: none of them is the page's own line.
PROSE: dict[str, list[str]] = {
    "ja": [
        "同社は新しい工場を建設すると発表した。",
        "印刷工場の再編について説明した。",
        "シェアサイクルの利用者が増えている。",
    ],
    "zh": [
        "该公司今天宣布在本市新建一座工厂。",
        "分享经济在本市发展迅速。",
        "打印机销量同比增长百分之十。",
    ],
    "ko": [
        "회사는 새 공장을 짓는다고 밝혔다.",
        "공유 경제가 빠르게 성장하고 있다.",
        "인쇄 산업의 미래를 논의했다.",
    ],
    "ar": [
        "وقال الوزير إن المشروع سيوفر ألف وظيفة جديدة.",
        "مشاركة الشباب في الانتخابات ارتفعت هذا العام.",
    ],
    "he": [
        "העירייה הודיעה היום על פתיחת גן ציבורי חדש.",
        "שיתוף הפעולה בין החברות יימשך שלוש שנים.",
    ],
    "ru": [
        "Компания объявила о строительстве нового завода.",
        "Печать новых учебников начнётся в мае.",
        "Фото и видео с мероприятия опубликованы на сайте.",
    ],
    "uk": [
        "Міністерство оголосило про новий конкурс для вчителів.",
        "Друк бюлетенів завершено вчасно.",
    ],
    "el": [
        "Ο δήμος ανακοίνωσε σήμερα τη δημιουργία νέου πάρκου.",
        "Η εκτύπωση των εντύπων θα ολοκληρωθεί τον Μάιο.",
    ],
    "hi": [
        "मंत्रालय ने आज नई योजना की घोषणा की।",
        "शेयर बाजार में आज तेजी रही।",
    ],
    "tr": [
        "Belediye yeni parkın yapımına başladı.",
        "Paylaşım ekonomisi hızla büyüyor.",
        "Geri dönüşüm oranı yüzde 40'a ulaştı.",
    ],
    "cs": [
        "Ministerstvo dnes oznámilo nový program.",
        "Tisk nových učebnic začne v květnu.",
    ],
    "sk": [
        "Mesto dnes otvorilo nový park.",
        "Späť do práce sa vrátilo sto zamestnancov.",
    ],
    "id": [
        "Pemerintah meresmikan jembatan baru di kota itu.",
        "Kembali ke sekolah setelah libur panjang menjadi tantangan.",
    ],
    "ms": [
        "Kementerian hari ini mengumumkan program baharu.",
        "Cetak rompak menjejaskan industri muzik tempatan.",
    ],
    "ga": [
        "D'fhógair an Roinn inniu go n-osclófar scoil nua.",
        "Tá an chomhairle ag obair ar an bplean.",
    ],
    "ca": [
        "L'ajuntament ha anunciat avui un nou parc.",
        "Tornar a casa després de la feina és més fàcil.",
    ],
    "eu": [
        "Udalak parke berri bat irekiko du datorren astean.",
    ],
    "gl": [
        "O concello anunciou hoxe un novo parque.",
    ],
    "ro": [
        "Primăria a anunțat astăzi deschiderea unui parc nou.",
        "Înapoi în școli, elevii au primit cărți noi.",
    ],
    "hu": [
        "Az önkormányzat ma új parkot adott át.",
        "Vissza kell térni a tárgyalóasztalhoz.",
    ],
    "et": ["Linnavalitsus avas täna uue pargi.", "Tagasi tööle naasis sada töötajat."],
    "is": ["Ráðuneytið kynnti í dag nýja áætlun.", "Til baka kom hópurinn á mánudag."],
    "th": ["กระทรวงประกาศโครงการใหม่ในวันนี้", "การพิมพ์หนังสือเรียนจะเริ่มในเดือนพฤษภาคม"],
    "vi": ["Bộ Y tế hôm nay công bố chương trình mới.", "Chia sẻ với báo chí, ông cho biết dự án sẽ hoàn thành."],
    "af": ["Die munisipaliteit het vandag 'n nuwe park geopen.", "Deel van die geld gaan na skole."],
    "hr": ["Ministarstvo je danas predstavilo novi program.", "Natrag na posao vratilo se sto radnika."],
    "sl": ["Občina je danes odprla nov park.", "Deli mesta bodo ostali brez elektrike."],
    "bg": ["Министерството обяви днес нова програма.", "Обратно в училище се върнаха хиляди ученици."],
    "lt": ["Savivaldybė šiandien atidarė naują parką.", "Daugiau nei šimtas žmonių dalyvavo renginyje."],
    "lv": ["Pašvaldība šodien atklāja jaunu parku.", "Atpakaļ darbā atgriezās simts darbinieku."],
    "da": ["Kommunen åbner i dag en ny park.", "Del af pengene går til skolerne."],
    "sv": ["Kommunen öppnar i dag en ny park.", "Dela upp arbetet i tre steg, säger hon."],
    "nb": ["Kommunen åpner i dag en ny park.", "Tilbake på jobb etter ferien var det travelt."],
    "nn": ["Kommunen opnar i dag ein ny park."],
    "fi": ["Kaupunki avaa tänään uuden puiston.", "Takaisin töihin palasi sata työntekijää."],
    "pl": ["Ministerstwo ogłosiło dziś nowy program.", "Powrót do szkół zaplanowano na wrzesień."],
    "pt": ["O governo anunciou hoje um novo programa.", "Voltar a estudar é o objetivo de muitos adultos."],
    "it": ["Il comune ha inaugurato oggi un nuovo parco.", "Stampa e televisione hanno seguito l'evento."],
    "nl": ["De gemeente opent vandaag een nieuw park.", "Terug naar school gaan duizenden leerlingen."],
}

#: Whole lines of English releases (list items, short headings, titles): every language file is tried on every
#: release, so none may take one of these for a widget, a label or an end mark.
ENGLISH_LINES = [
    "Deli",
    "Bakery",
    "Summary",
    "Highlights",
    "Parking",
    "Tickets",
    "Venue",
    "Agenda",
    "Speakers",
    "Partners",
    "Funding",
    "Timeline",
    "Next steps",
    "Key facts",
    "Council opens new park",
    "Minister confirms budget for schools",
    "Share prices rose by 4 per cent",
    "Print run doubled this year",
]


def recognised(kind: str, line: str) -> bool:
    """Whether the readers take `line` as `kind` says."""
    if kind == "chrome":
        return lines.is_chrome(line)
    if kind == "label":
        return lexicon.pattern(r"(?:{label})").fullmatch(line) is not None
    if kind in ("published", "updated"):
        marker = header.PUBLISHED_MARKER if kind == "published" else header.UPDATED_MARKER
        found = marker.match(line)
        return found is not None and line[found.end() :][:1].isdigit()
    if kind == "end":
        return structure.is_end_mark(line)
    if kind == "notes":
        return structure.is_notes_heading(line)
    if kind == "contact":
        return structure.contact_heading(line) is not None
    if kind.startswith("lex:"):
        concept = kind.removeprefix("lex:")
        return any(hit in (f"lex={concept}", f"lex^{concept}") for hit in signals.hits(line))
    raise ValueError(kind)


def is_page_line(line: str) -> bool:
    """Whether a reader would take `line` for the page's own: chrome, a label, an end mark, a heading."""
    return (
        lines.is_chrome(line)
        or structure.is_end_mark(line)
        or structure.is_notes_heading(line)
        or lexicon.pattern(r"(?:{label})").fullmatch(line) is not None
    )


@pytest.mark.parametrize(
    ("language", "kind", "line"),
    [(language, kind, line) for language, samples in SAMPLES.items() for kind, line in samples],
)
def test_formula_words_are_recognised(language: str, kind: str, line: str) -> None:
    assert recognised(kind, line), f"{language}: {line!r} is not read as {kind}"


@pytest.mark.parametrize(("language", "line"), [(language, line) for language, prose in PROSE.items() for line in prose])
def test_a_release_sentence_stays_the_release(language: str, line: str) -> None:
    assert not is_page_line(line), f"{language}: {line!r} is taken for the page's own line"


def test_every_language_file_is_sampled() -> None:
    # The languages this file vouches for: each one has samples and sentences.
    assert set(SAMPLES) == set(PROSE)
    assert set(SAMPLES) <= set(lexicon.languages())


@pytest.mark.parametrize("line", ENGLISH_LINES)
def test_an_english_release_line_is_no_foreign_widget(line: str) -> None:
    assert not is_page_line(line), f"{line!r} is taken for the page's own line: {signals.hits(line)}"
