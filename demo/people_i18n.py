"""Translations of demo/people.py: each Dutch text and what a translator made of it."""

# Translations of the demo content (partners, team page, privacy statement).
# Keys are the Dutch source texts, exactly as in demo_people_nl.json.

TRANSLATIONS = {
    "en": {
        "Het buurtteam helpt bij vragen over geld, wonen, zorg, opvoeding en werk. De hulp is gratis. Wij komen ook bij je thuis.": "The Buurtteam (neighbourhood team) helps with questions about money, housing, care, raising children and work. The help is free. We can also come to your home.",
        "Hulp bij geldzaken en schulden\nHulp bij zorg en gezondheid\nSteun voor ouders en kinderen\nEen luisterend oor": "Help with money and debts\nHelp with care and health\nSupport for parents and children\nSomeone who listens to you",
        "Bel 030 765 4321 op werkdagen van 9 tot 17 uur.\nOf loop binnen in Buurtcentrum Rosa op dinsdagochtend.": "Call 030 765 4321 on weekdays from 9:00 to 17:00.\nOr drop in at Buurtcentrum Rosa on Tuesday morning.",
        "Voel je je somber, eenzaam of gestrest? Je huisarts kan je doorverwijzen naar Welzijn op Recept. Een welzijnscoach zoekt samen met jou naar activiteiten die je goed doen.": "Do you feel down, lonely or stressed? Your family doctor can send you to Welzijn op Recept. A wellbeing coach looks together with you for activities that are good for you.",
        "Gesprekken met een welzijnscoach\nActiviteiten in de buurt die bij je passen\nContact met andere mensen": "Talks with a wellbeing coach\nActivities in the neighbourhood that suit you\nContact with other people",
        "Vraag je huisarts of praktijkondersteuner om een verwijzing.": "Ask your family doctor or the practice nurse for a referral.",
        "Taal Doet Meer helpt mensen in Utrecht om Nederlands te leren en mee te doen. Vrijwilligers oefenen met je, in een groep of één op één.": "Taal Doet Meer helps people in Utrecht to learn Dutch and to take part. Volunteers practise with you, in a group or one to one.",
        "Taalcafé: samen Nederlands praten\nEen taalmaatje dat met je oefent\nHulp bij lezen en schrijven": "Language café: speaking Dutch together\nA language buddy who practises with you\nHelp with reading and writing",
        "Kom naar het taalcafé in Rosa op donderdagmiddag.": "Come to the language café at Rosa on Thursday afternoon.",
        "Partners": "Partners",
        "Met deze organisaties werkt Rosa samen. Zij helpen je graag verder.": "Rosa works together with these organisations. They are happy to help you.",
        "Wie zijn wij": "Who we are",
        "Dit zijn de mensen van Rosa. Je ziet dezelfde gezichten in het buurtcentrum.": "These are the people of Rosa. You see the same faces in the neighbourhood centre.",
        "Privacyverklaring": "Privacy statement",
        "Hier lees je welke gegevens het buurtcentrum van jou bewaart, waarom, en wat je rechten zijn.": "Here you can read what data the neighbourhood centre keeps about you, why, and what your rights are.",
        "Welke gegevens bewaren we?": "What data do we keep?",
        "Als je een account maakt, bewaren we je naam, je e-mailadres en je wachtwoord (versleuteld). Als je dat wilt, ook je straat of buurt en de talen die je spreekt.": "When you make an account, we keep your name, your e-mail address and your password (encrypted). If you want, we also keep your street or neighbourhood and the languages you speak.",
        "Wat je op de site zet, zoals een kaartje op het prikbord of een bericht in de huiskamer, bewaren we ook.": "We also keep what you put on the site, like a card on the notice board or a message in the living room.",
        "Wie ziet wat?": "Who sees what?",
        "Andere mensen zien alleen je naam en wat je zelf op de site zet. Je e-mailadres ziet niemand, behalve de medewerkers van het buurtcentrum.": "Other people only see your name and what you put on the site yourself. Nobody sees your e-mail address, only the staff of the neighbourhood centre.",
        "Waarom bewaren we dit?": "Why do we keep this?",
        "Zodat je kunt meedoen, we je een bericht kunnen sturen en we kunnen zien hoe het buurtcentrum gebruikt wordt. We verkopen niets en we delen niets met reclamebedrijven.": "So that you can take part, so that we can send you a message, and so that we can see how the neighbourhood centre is used. We sell nothing and we share nothing with advertising companies.",
        "Hoe lang?": "How long?",
        "Zolang je een account hebt. Als je je account verwijdert, wissen we je gegevens.": "As long as you have an account. If you delete your account, we erase your data.",
        "Je account verwijderen": "Deleting your account",
        "Dat kan altijd, via 'Mijn account'. Je kaartjes op het prikbord, je aanmeldingen en je berichten halen we weg. Stukken in de buurtkrant blijven staan, maar zonder je naam.": "You can always do this, in 'My account'. We remove your cards on the notice board, your sign-ups and your messages. Pieces in the neighbourhood newspaper stay, but without your name.",
        "Je rechten": "Your rights",
        "Je mag altijd zien welke gegevens we van je hebben. Via 'Mijn account' kun je ze downloaden. Klopt er iets niet? Dan kun je het zelf veranderen, of vraag het aan een medewerker.": "You can always see what data we have about you. You can download it in 'My account'. Is something not right? Then you can change it yourself, or ask a staff member.",
        "Heb je een vraag of een klacht? Bel of mail het buurtcentrum. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.": "Do you have a question or a complaint? Call or e-mail the neighbourhood centre. You can also complain to the Autoriteit Persoonsgegevens (the Dutch data protection authority).",
    },
    "ar": {
        "Het buurtteam helpt bij vragen over geld, wonen, zorg, opvoeding en werk. De hulp is gratis. Wij komen ook bij je thuis.": "يساعدك Buurtteam (فريق الحي) في الأسئلة عن المال والسكن والرعاية وتربية الأطفال والعمل. المساعدة مجانية. ونأتي إليك في البيت أيضاً.",
        "Hulp bij geldzaken en schulden\nHulp bij zorg en gezondheid\nSteun voor ouders en kinderen\nEen luisterend oor": "مساعدة في الأمور المالية والديون\nمساعدة في الرعاية والصحة\nدعم للآباء والأمهات والأطفال\nشخص يستمع إليك",
        "Bel 030 765 4321 op werkdagen van 9 tot 17 uur.\nOf loop binnen in Buurtcentrum Rosa op dinsdagochtend.": "اتصل بالرقم 030 765 4321 في أيام العمل من الساعة 9 إلى الساعة 17.\nأو تعال إلى Buurtcentrum Rosa صباح يوم الثلاثاء.",
        "Voel je je somber, eenzaam of gestrest? Je huisarts kan je doorverwijzen naar Welzijn op Recept. Een welzijnscoach zoekt samen met jou naar activiteiten die je goed doen.": "هل تشعر بالحزن أو الوحدة أو التوتر؟ يمكن لطبيب العائلة أن يحيلك إلى Welzijn op Recept. يبحث معك مرشد رفاه (welzijnscoach) عن أنشطة تفيدك وتريحك.",
        "Gesprekken met een welzijnscoach\nActiviteiten in de buurt die bij je passen\nContact met andere mensen": "أحاديث مع مرشد رفاه\nأنشطة في الحي تناسبك\nتواصل مع أشخاص آخرين",
        "Vraag je huisarts of praktijkondersteuner om een verwijzing.": "اطلب إحالة من طبيب العائلة أو من المساعد في عيادته (praktijkondersteuner).",
        "Taal Doet Meer helpt mensen in Utrecht om Nederlands te leren en mee te doen. Vrijwilligers oefenen met je, in een groep of één op één.": "تساعد Taal Doet Meer الناس في Utrecht على تعلّم اللغة الهولندية والمشاركة في المجتمع. يتدرّب معك متطوعون، في مجموعة أو وجهاً لوجه.",
        "Taalcafé: samen Nederlands praten\nEen taalmaatje dat met je oefent\nHulp bij lezen en schrijven": "مقهى اللغة: نتحدث الهولندية معاً\nرفيق لغة يتدرّب معك\nمساعدة في القراءة والكتابة",
        "Kom naar het taalcafé in Rosa op donderdagmiddag.": "تعال إلى مقهى اللغة في Rosa بعد ظهر يوم الخميس.",
        "Partners": "الشركاء",
        "Met deze organisaties werkt Rosa samen. Zij helpen je graag verder.": "يتعاون مركز Rosa مع هذه المنظمات. ويسعدهم أن يساعدوك.",
        "Wie zijn wij": "من نحن",
        "Dit zijn de mensen van Rosa. Je ziet dezelfde gezichten in het buurtcentrum.": "هؤلاء هم فريق Rosa. سترى الوجوه نفسها في المركز.",
        "Privacyverklaring": "بيان الخصوصية",
        "Hier lees je welke gegevens het buurtcentrum van jou bewaart, waarom, en wat je rechten zijn.": "هنا تقرأ ما البيانات التي يحفظها المركز عنك، ولماذا، وما هي حقوقك.",
        "Welke gegevens bewaren we?": "ما البيانات التي نحفظها؟",
        "Als je een account maakt, bewaren we je naam, je e-mailadres en je wachtwoord (versleuteld). Als je dat wilt, ook je straat of buurt en de talen die je spreekt.": "عندما تنشئ حساباً، نحفظ اسمك وبريدك الإلكتروني وكلمة المرور (بشكل مشفّر). وإذا أردت، نحفظ أيضاً شارعك أو حيّك واللغات التي تتحدثها.",
        "Wat je op de site zet, zoals een kaartje op het prikbord of een bericht in de huiskamer, bewaren we ook.": "ونحفظ أيضاً ما تضعه على الموقع، مثل بطاقة على لوحة الإعلانات أو رسالة في غرفة الجلوس.",
        "Wie ziet wat?": "من يرى ماذا؟",
        "Andere mensen zien alleen je naam en wat je zelf op de site zet. Je e-mailadres ziet niemand, behalve de medewerkers van het buurtcentrum.": "يرى الآخرون اسمك فقط وما تضعه أنت على الموقع. لا أحد يرى بريدك الإلكتروني، إلا موظفو المركز.",
        "Waarom bewaren we dit?": "لماذا نحفظ هذا؟",
        "Zodat je kunt meedoen, we je een bericht kunnen sturen en we kunnen zien hoe het buurtcentrum gebruikt wordt. We verkopen niets en we delen niets met reclamebedrijven.": "حتى تتمكن من المشاركة، وحتى نستطيع أن نرسل إليك رسالة، وأن نرى كيف يُستخدم المركز. نحن لا نبيع شيئاً ولا نشارك شيئاً مع شركات الإعلانات.",
        "Hoe lang?": "إلى متى؟",
        "Zolang je een account hebt. Als je je account verwijdert, wissen we je gegevens.": "طالما لديك حساب. إذا حذفت حسابك، نمسح بياناتك.",
        "Je account verwijderen": "حذف حسابك",
        "Dat kan altijd, via 'Mijn account'. Je kaartjes op het prikbord, je aanmeldingen en je berichten halen we weg. Stukken in de buurtkrant blijven staan, maar zonder je naam.": "يمكنك ذلك في أي وقت، من صفحة 'حسابي'. نحذف بطاقاتك على لوحة الإعلانات وتسجيلاتك ورسائلك. أما المقالات في جريدة الحي فتبقى، ولكن بدون اسمك.",
        "Je rechten": "حقوقك",
        "Je mag altijd zien welke gegevens we van je hebben. Via 'Mijn account' kun je ze downloaden. Klopt er iets niet? Dan kun je het zelf veranderen, of vraag het aan een medewerker.": "يحق لك دائماً أن ترى البيانات التي لدينا عنك. يمكنك تنزيلها من صفحة 'حسابي'. هل هناك شيء غير صحيح؟ يمكنك أن تغيّره بنفسك، أو تطلب ذلك من أحد الموظفين.",
        "Heb je een vraag of een klacht? Bel of mail het buurtcentrum. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.": "هل لديك سؤال أو شكوى؟ اتصل بالمركز أو راسله. ويمكنك أيضاً تقديم شكوى إلى Autoriteit Persoonsgegevens (الهيئة الهولندية لحماية البيانات الشخصية).",
    },
    "tr": {
        "Het buurtteam helpt bij vragen over geld, wonen, zorg, opvoeding en werk. De hulp is gratis. Wij komen ook bij je thuis.": "Buurtteam (mahalle ekibi) para, konut, bakım, çocuk yetiştirme ve iş ile ilgili sorularda yardım eder. Yardım ücretsizdir. Evine de gelebiliriz.",
        "Hulp bij geldzaken en schulden\nHulp bij zorg en gezondheid\nSteun voor ouders en kinderen\nEen luisterend oor": "Para işleri ve borçlar konusunda yardım\nBakım ve sağlık konusunda yardım\nAnne babalara ve çocuklara destek\nSeni dinleyen biri",
        "Bel 030 765 4321 op werkdagen van 9 tot 17 uur.\nOf loop binnen in Buurtcentrum Rosa op dinsdagochtend.": "Hafta içi 9:00 ile 17:00 arasında 030 765 4321 numarasını ara.\nYa da salı sabahı Buurtcentrum Rosa'ya uğra.",
        "Voel je je somber, eenzaam of gestrest? Je huisarts kan je doorverwijzen naar Welzijn op Recept. Een welzijnscoach zoekt samen met jou naar activiteiten die je goed doen.": "Kendini mutsuz, yalnız ya da stresli mi hissediyorsun? Aile hekimin seni Welzijn op Recept'e yönlendirebilir. Bir iyilik hâli koçu (welzijnscoach) seninle birlikte sana iyi gelecek etkinlikler arar.",
        "Gesprekken met een welzijnscoach\nActiviteiten in de buurt die bij je passen\nContact met andere mensen": "Bir iyilik hâli koçuyla sohbetler\nMahallede sana uygun etkinlikler\nBaşka insanlarla iletişim",
        "Vraag je huisarts of praktijkondersteuner om een verwijzing.": "Aile hekiminden ya da muayenehanedeki destek çalışanından (praktijkondersteuner) sevk iste.",
        "Taal Doet Meer helpt mensen in Utrecht om Nederlands te leren en mee te doen. Vrijwilligers oefenen met je, in een groep of één op één.": "Taal Doet Meer, Utrecht'te insanların Hollandaca öğrenmesine ve topluma katılmasına yardım eder. Gönüllüler seninle grup hâlinde ya da birebir pratik yapar.",
        "Taalcafé: samen Nederlands praten\nEen taalmaatje dat met je oefent\nHulp bij lezen en schrijven": "Dil kafesi: birlikte Hollandaca konuşmak\nSeninle pratik yapan bir dil arkadaşı\nOkuma ve yazmada yardım",
        "Kom naar het taalcafé in Rosa op donderdagmiddag.": "Perşembe öğleden sonra Rosa'daki dil kafesine gel.",
        "Partners": "Ortaklar",
        "Met deze organisaties werkt Rosa samen. Zij helpen je graag verder.": "Rosa bu kuruluşlarla birlikte çalışıyor. Sana seve seve yardım ederler.",
        "Wie zijn wij": "Biz kimiz",
        "Dit zijn de mensen van Rosa. Je ziet dezelfde gezichten in het buurtcentrum.": "Bunlar Rosa'nın insanları. Aynı yüzleri mahalle merkezinde de görürsün.",
        "Privacyverklaring": "Gizlilik bildirimi",
        "Hier lees je welke gegevens het buurtcentrum van jou bewaart, waarom, en wat je rechten zijn.": "Burada mahalle merkezinin senin hakkında hangi bilgileri sakladığını, neden sakladığını ve haklarının neler olduğunu okuyabilirsin.",
        "Welke gegevens bewaren we?": "Hangi bilgileri saklıyoruz?",
        "Als je een account maakt, bewaren we je naam, je e-mailadres en je wachtwoord (versleuteld). Als je dat wilt, ook je straat of buurt en de talen die je spreekt.": "Hesap açtığında adını, e-posta adresini ve şifreni (şifrelenmiş olarak) saklarız. İstersen sokağını ya da mahalleni ve konuştuğun dilleri de saklarız.",
        "Wat je op de site zet, zoals een kaartje op het prikbord of een bericht in de huiskamer, bewaren we ook.": "Sitede paylaştıklarını da saklarız, örneğin ilan panosundaki bir kartı ya da oturma odasındaki bir mesajı.",
        "Wie ziet wat?": "Kim neyi görür?",
        "Andere mensen zien alleen je naam en wat je zelf op de site zet. Je e-mailadres ziet niemand, behalve de medewerkers van het buurtcentrum.": "Başkaları sadece adını ve sitede kendi paylaştıklarını görür. E-posta adresini mahalle merkezinin çalışanları dışında kimse görmez.",
        "Waarom bewaren we dit?": "Bunu neden saklıyoruz?",
        "Zodat je kunt meedoen, we je een bericht kunnen sturen en we kunnen zien hoe het buurtcentrum gebruikt wordt. We verkopen niets en we delen niets met reclamebedrijven.": "Katılabilmen, sana mesaj gönderebilmemiz ve mahalle merkezinin nasıl kullanıldığını görebilmemiz için. Hiçbir şey satmayız ve reklam şirketleriyle hiçbir şey paylaşmayız.",
        "Hoe lang?": "Ne kadar süre?",
        "Zolang je een account hebt. Als je je account verwijdert, wissen we je gegevens.": "Hesabın olduğu sürece. Hesabını silersen bilgilerini sileriz.",
        "Je account verwijderen": "Hesabını silmek",
        "Dat kan altijd, via 'Mijn account'. Je kaartjes op het prikbord, je aanmeldingen en je berichten halen we weg. Stukken in de buurtkrant blijven staan, maar zonder je naam.": "Bunu her zaman 'Hesabım' bölümünden yapabilirsin. İlan panosundaki kartlarını, kayıtlarını ve mesajlarını kaldırırız. Mahalle gazetesindeki yazılar kalır ama adın olmadan.",
        "Je rechten": "Hakların",
        "Je mag altijd zien welke gegevens we van je hebben. Via 'Mijn account' kun je ze downloaden. Klopt er iets niet? Dan kun je het zelf veranderen, of vraag het aan een medewerker.": "Senin hakkında hangi bilgilere sahip olduğumuzu her zaman görebilirsin. Bunları 'Hesabım' bölümünden indirebilirsin. Yanlış bir şey mi var? O zaman kendin değiştirebilir ya da bir çalışandan isteyebilirsin.",
        "Heb je een vraag of een klacht? Bel of mail het buurtcentrum. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.": "Soru sormak ya da şikâyette bulunmak mı istiyorsun? Mahalle merkezini ara ya da e-posta gönder. Autoriteit Persoonsgegevens'e (Hollanda'nın kişisel verileri koruma kurumu) de şikâyette bulunabilirsin.",
    },
    "pl": {
        "Het buurtteam helpt bij vragen over geld, wonen, zorg, opvoeding en werk. De hulp is gratis. Wij komen ook bij je thuis.": "Buurtteam (zespół dzielnicowy) pomaga w sprawach pieniędzy, mieszkania, opieki, wychowania dzieci i pracy. Pomoc jest bezpłatna. Możemy też przyjść do twojego domu.",
        "Hulp bij geldzaken en schulden\nHulp bij zorg en gezondheid\nSteun voor ouders en kinderen\nEen luisterend oor": "Pomoc w sprawach pieniędzy i długów\nPomoc w sprawach opieki i zdrowia\nWsparcie dla rodziców i dzieci\nKtoś, kto cię wysłucha",
        "Bel 030 765 4321 op werkdagen van 9 tot 17 uur.\nOf loop binnen in Buurtcentrum Rosa op dinsdagochtend.": "Zadzwoń pod numer 030 765 4321 w dni robocze od 9:00 do 17:00.\nAlbo przyjdź do Buurtcentrum Rosa we wtorek rano.",
        "Voel je je somber, eenzaam of gestrest? Je huisarts kan je doorverwijzen naar Welzijn op Recept. Een welzijnscoach zoekt samen met jou naar activiteiten die je goed doen.": "Masz gorszy nastrój, czujesz samotność albo stres? Twój lekarz rodzinny może skierować cię do Welzijn op Recept. Doradca (welzijnscoach) razem z tobą szuka zajęć, które dobrze ci zrobią.",
        "Gesprekken met een welzijnscoach\nActiviteiten in de buurt die bij je passen\nContact met andere mensen": "Rozmowy z doradcą (welzijnscoach)\nZajęcia w okolicy, które do ciebie pasują\nKontakt z innymi ludźmi",
        "Vraag je huisarts of praktijkondersteuner om een verwijzing.": "Poproś lekarza rodzinnego albo asystenta w przychodni (praktijkondersteuner) o skierowanie.",
        "Taal Doet Meer helpt mensen in Utrecht om Nederlands te leren en mee te doen. Vrijwilligers oefenen met je, in een groep of één op één.": "Taal Doet Meer pomaga ludziom w mieście Utrecht uczyć się niderlandzkiego i brać udział w życiu miasta. Wolontariusze ćwiczą z tobą w grupie albo jeden na jeden.",
        "Taalcafé: samen Nederlands praten\nEen taalmaatje dat met je oefent\nHulp bij lezen en schrijven": "Kawiarenka językowa: razem rozmawiamy po niderlandzku\nPartner językowy, który ćwiczy z tobą\nPomoc w czytaniu i pisaniu",
        "Kom naar het taalcafé in Rosa op donderdagmiddag.": "Przyjdź do kawiarenki językowej w Rosa w czwartek po południu.",
        "Partners": "Partnerzy",
        "Met deze organisaties werkt Rosa samen. Zij helpen je graag verder.": "Rosa współpracuje z tymi organizacjami. Chętnie ci pomogą.",
        "Wie zijn wij": "Kim jesteśmy",
        "Dit zijn de mensen van Rosa. Je ziet dezelfde gezichten in het buurtcentrum.": "To są ludzie z Rosa. Te same twarze zobaczysz w centrum.",
        "Privacyverklaring": "Polityka prywatności",
        "Hier lees je welke gegevens het buurtcentrum van jou bewaart, waarom, en wat je rechten zijn.": "Tu przeczytasz, jakie dane o tobie przechowuje centrum, dlaczego i jakie masz prawa.",
        "Welke gegevens bewaren we?": "Jakie dane przechowujemy?",
        "Als je een account maakt, bewaren we je naam, je e-mailadres en je wachtwoord (versleuteld). Als je dat wilt, ook je straat of buurt en de talen die je spreekt.": "Gdy zakładasz konto, przechowujemy twoje imię, adres e-mail i hasło (zaszyfrowane). Jeśli chcesz, także twoją ulicę lub okolicę i języki, którymi mówisz.",
        "Wat je op de site zet, zoals een kaartje op het prikbord of een bericht in de huiskamer, bewaren we ook.": "Przechowujemy też to, co dodajesz na stronie, na przykład karteczkę na tablicy ogłoszeń albo wiadomość w salonie.",
        "Wie ziet wat?": "Kto co widzi?",
        "Andere mensen zien alleen je naam en wat je zelf op de site zet. Je e-mailadres ziet niemand, behalve de medewerkers van het buurtcentrum.": "Inni widzą tylko twoje imię i to, co dodajesz na stronie. Twojego adresu e-mail nie widzi nikt oprócz pracowników centrum.",
        "Waarom bewaren we dit?": "Dlaczego to przechowujemy?",
        "Zodat je kunt meedoen, we je een bericht kunnen sturen en we kunnen zien hoe het buurtcentrum gebruikt wordt. We verkopen niets en we delen niets met reclamebedrijven.": "Dzięki temu możesz brać udział, możemy wysłać ci wiadomość i widzimy, jak ludzie korzystają z centrum. Niczego nie sprzedajemy i niczego nie przekazujemy firmom reklamowym.",
        "Hoe lang?": "Jak długo?",
        "Zolang je een account hebt. Als je je account verwijdert, wissen we je gegevens.": "Tak długo, jak masz konto. Jeśli usuniesz konto, usuniemy twoje dane.",
        "Je account verwijderen": "Usuwanie konta",
        "Dat kan altijd, via 'Mijn account'. Je kaartjes op het prikbord, je aanmeldingen en je berichten halen we weg. Stukken in de buurtkrant blijven staan, maar zonder je naam.": "Możesz to zrobić zawsze, w zakładce „Moje konto”. Usuniemy twoje karteczki z tablicy ogłoszeń, twoje zapisy i wiadomości. Teksty w gazecie dzielnicowej zostaną, ale bez twojego imienia.",
        "Je rechten": "Twoje prawa",
        "Je mag altijd zien welke gegevens we van je hebben. Via 'Mijn account' kun je ze downloaden. Klopt er iets niet? Dan kun je het zelf veranderen, of vraag het aan een medewerker.": "Zawsze możesz zobaczyć, jakie dane o tobie mamy. Możesz je pobrać w zakładce „Moje konto”. Coś się nie zgadza? Możesz to zmienić samodzielnie albo poprosić pracownika.",
        "Heb je een vraag of een klacht? Bel of mail het buurtcentrum. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.": "Masz pytanie albo skargę? Zadzwoń lub napisz do centrum. Możesz też złożyć skargę do Autoriteit Persoonsgegevens (holenderskiego urzędu ochrony danych osobowych).",
    },
}

# The accessibility statement.
TRANSLATIONS["en"].update(
    {
        "Toegankelijkheid": "Accessibility",
        "Iedereen moet deze site kunnen gebruiken. Hier lees je wat we daarvoor doen, en wat nog niet goed gaat.": "Everyone should be able to use this site. Here you read what we do for that, and what does not work well yet.",
        "Wat we doen": "What we do",
        "De site volgt de regels voor toegankelijkheid: WCAG 2.2, niveau AA. We testen elke soort pagina automatisch, in het Nederlands en in het Arabisch.": "The site follows the rules for accessibility: WCAG 2.2, level AA. We test every kind of page automatically, in Dutch and in Arabic.",
        "Met de knop 'Tekst en kleur' maak je de letters groter of kies je hoog contrast. Met de knop 'Voorlezen' hoor je de pagina in je eigen taal.": "With the button 'Text and colour' you make the letters bigger or choose high contrast. With the button 'Read aloud' you hear the page in your own language.",
        "Alles werkt ook met alleen een toetsenbord, en op een kleine telefoon.": "Everything also works with only a keyboard, and on a small phone.",
        "Wat nog niet goed gaat": "What does not work well yet",
        "Voorlezen werkt alleen als je apparaat een stem heeft voor jouw taal. Video's van andere sites hebben niet altijd ondertiteling.": "Reading aloud only works if your device has a voice for your language. Videos from other sites do not always have subtitles.",
        "Werkt er iets niet?": "Is something not working?",
        "Laat het ons weten. Bel of mail het buurtcentrum, of vraag het een medewerker in de huiskamer. We antwoorden binnen twee weken.": "Let us know. Call or e-mail the neighbourhood centre, or ask a staff member in the living room. We answer within two weeks.",
    }
)
TRANSLATIONS["ar"].update(
    {
        "Toegankelijkheid": "سهولة الاستخدام",
        "Iedereen moet deze site kunnen gebruiken. Hier lees je wat we daarvoor doen, en wat nog niet goed gaat.": "يجب أن يستطيع الجميع استخدام هذا الموقع. هنا تقرأ ما نفعله لذلك، وما لا يعمل جيداً بعد.",
        "Wat we doen": "ماذا نفعل",
        "De site volgt de regels voor toegankelijkheid: WCAG 2.2, niveau AA. We testen elke soort pagina automatisch, in het Nederlands en in het Arabisch.": "يتبع الموقع قواعد سهولة الوصول: WCAG 2.2، المستوى AA. نختبر كل نوع من الصفحات تلقائياً، باللغة الهولندية وباللغة العربية.",
        "Met de knop 'Tekst en kleur' maak je de letters groter of kies je hoog contrast. Met de knop 'Voorlezen' hoor je de pagina in je eigen taal.": "بزر «النص واللون» تكبّر الحروف أو تختار التباين العالي. وبزر «اقرأ بصوت عالٍ» تسمع الصفحة بلغتك.",
        "Alles werkt ook met alleen een toetsenbord, en op een kleine telefoon.": "كل شيء يعمل أيضاً بلوحة المفاتيح وحدها، وعلى هاتف صغير.",
        "Wat nog niet goed gaat": "ما لا يعمل جيداً بعد",
        "Voorlezen werkt alleen als je apparaat een stem heeft voor jouw taal. Video's van andere sites hebben niet altijd ondertiteling.": "القراءة بصوت عالٍ تعمل فقط إذا كان في جهازك صوت للغتك. مقاطع الفيديو من مواقع أخرى ليست لها ترجمة مكتوبة دائماً.",
        "Werkt er iets niet?": "هل هناك شيء لا يعمل؟",
        "Laat het ons weten. Bel of mail het buurtcentrum, of vraag het een medewerker in de huiskamer. We antwoorden binnen twee weken.": "أخبرنا بذلك. اتصل بمركز الحي أو راسله، أو اسأل موظفاً في غرفة الجلوس. نجيب خلال أسبوعين.",
    }
)
TRANSLATIONS["tr"].update(
    {
        "Toegankelijkheid": "Erişilebilirlik",
        "Iedereen moet deze site kunnen gebruiken. Hier lees je wat we daarvoor doen, en wat nog niet goed gaat.": "Herkes bu siteyi kullanabilmeli. Burada bunun için neler yaptığımızı ve neyin henüz iyi çalışmadığını okursun.",
        "Wat we doen": "Neler yapıyoruz",
        "De site volgt de regels voor toegankelijkheid: WCAG 2.2, niveau AA. We testen elke soort pagina automatisch, in het Nederlands en in het Arabisch.": "Site, erişilebilirlik kurallarına uyar: WCAG 2.2, AA düzeyi. Her sayfa türünü Hollandaca ve Arapça olarak otomatik test ediyoruz.",
        "Met de knop 'Tekst en kleur' maak je de letters groter of kies je hoog contrast. Met de knop 'Voorlezen' hoor je de pagina in je eigen taal.": "'Yazı ve renk' düğmesiyle harfleri büyütür ya da yüksek kontrast seçersin. 'Sesli oku' düğmesiyle sayfayı kendi dilinde dinlersin.",
        "Alles werkt ook met alleen een toetsenbord, en op een kleine telefoon.": "Her şey sadece klavyeyle ve küçük bir telefonda da çalışır.",
        "Wat nog niet goed gaat": "Henüz iyi çalışmayanlar",
        "Voorlezen werkt alleen als je apparaat een stem heeft voor jouw taal. Video's van andere sites hebben niet altijd ondertiteling.": "Sesli okuma, cihazında senin dilin için bir ses varsa çalışır. Başka sitelerden gelen videoların her zaman altyazısı yoktur.",
        "Werkt er iets niet?": "Bir şey çalışmıyor mu?",
        "Laat het ons weten. Bel of mail het buurtcentrum, of vraag het een medewerker in de huiskamer. We antwoorden binnen twee weken.": "Bize haber ver. Mahalle merkezini ara ya da e-posta gönder, veya oturma odasında bir çalışana sor. İki hafta içinde cevap veririz.",
    }
)
TRANSLATIONS["pl"].update(
    {
        "Toegankelijkheid": "Dostępność",
        "Iedereen moet deze site kunnen gebruiken. Hier lees je wat we daarvoor doen, en wat nog niet goed gaat.": "Każdy powinien móc korzystać z tej strony. Tu przeczytasz, co w tym celu robimy i co jeszcze nie działa dobrze.",
        "Wat we doen": "Co robimy",
        "De site volgt de regels voor toegankelijkheid: WCAG 2.2, niveau AA. We testen elke soort pagina automatisch, in het Nederlands en in het Arabisch.": "Strona spełnia zasady dostępności: WCAG 2.2, poziom AA. Każdy rodzaj strony testujemy automatycznie, po niderlandzku i po arabsku.",
        "Met de knop 'Tekst en kleur' maak je de letters groter of kies je hoog contrast. Met de knop 'Voorlezen' hoor je de pagina in je eigen taal.": "Przyciskiem „Tekst i kolor” powiększasz litery albo wybierasz wysoki kontrast. Przyciskiem „Przeczytaj na głos” słuchasz strony w swoim języku.",
        "Alles werkt ook met alleen een toetsenbord, en op een kleine telefoon.": "Wszystko działa też tylko z klawiaturą i na małym telefonie.",
        "Wat nog niet goed gaat": "Co jeszcze nie działa dobrze",
        "Voorlezen werkt alleen als je apparaat een stem heeft voor jouw taal. Video's van andere sites hebben niet altijd ondertiteling.": "Czytanie na głos działa tylko wtedy, gdy twoje urządzenie ma głos dla twojego języka. Filmy z innych stron nie zawsze mają napisy.",
        "Werkt er iets niet?": "Coś nie działa?",
        "Laat het ons weten. Bel of mail het buurtcentrum, of vraag het een medewerker in de huiskamer. We antwoorden binnen twee weken.": "Daj nam znać. Zadzwoń lub napisz do centrum albo zapytaj pracownika w salonie. Odpowiadamy w ciągu dwóch tygodni.",
    }
)

# Requests and referrals in the privacy statement.
TRANSLATIONS["en"].update(
    {
        "Een verzoek dat je stuurt als je bent ingelogd, hoort bij je account: je downloadt het en het verdwijnt met je account.": "A request you send while logged in belongs to your account: you can download it, and it goes when your account goes.",
        "Kom je via een verwijzing, bijvoorbeeld van het buurtteam? Dan zien alleen de medewerkers je naam en hoe we je bereiken. De verwijzer ziet dat niet. We wissen het twaalf weken nadat we je hebben geholpen.": "Did someone refer you, for example the buurtteam? Then only the staff see your name and how to reach you. The person who referred you does not. We erase it twelve weeks after we have helped you.",
    }
)
TRANSLATIONS["ar"].update(
    {
        "Een verzoek dat je stuurt als je bent ingelogd, hoort bij je account: je downloadt het en het verdwijnt met je account.": "الطلب الذي ترسله وأنت مسجّل الدخول يتبع حسابك: يمكنك تنزيله، ويُحذف مع حسابك.",
        "Kom je via een verwijzing, bijvoorbeeld van het buurtteam? Dan zien alleen de medewerkers je naam en hoe we je bereiken. De verwijzer ziet dat niet. We wissen het twaalf weken nadat we je hebben geholpen.": "هل جئت عن طريق إحالة، مثلاً من فريق الحي؟ عندها يرى الموظفون فقط اسمك وطريقة الوصول إليك. الجهة التي أحالتك لا ترى ذلك. نحذف هذه البيانات بعد اثني عشر أسبوعاً من مساعدتك.",
    }
)
TRANSLATIONS["tr"].update(
    {
        "Een verzoek dat je stuurt als je bent ingelogd, hoort bij je account: je downloadt het en het verdwijnt met je account.": "Giriş yapmışken gönderdiğin bir istek hesabına aittir: onu indirebilirsin ve hesabınla birlikte silinir.",
        "Kom je via een verwijzing, bijvoorbeeld van het buurtteam? Dan zien alleen de medewerkers je naam en hoe we je bereiken. De verwijzer ziet dat niet. We wissen het twaalf weken nadat we je hebben geholpen.": "Seni biri mi yönlendirdi, örneğin mahalle ekibi? O zaman adını ve sana nasıl ulaşacağımızı sadece çalışanlar görür. Seni yönlendiren kişi bunu görmez. Sana yardım ettikten on iki hafta sonra bunları sileriz.",
    }
)
TRANSLATIONS["pl"].update(
    {
        "Een verzoek dat je stuurt als je bent ingelogd, hoort bij je account: je downloadt het en het verdwijnt met je account.": "Prośba, którą wysyłasz po zalogowaniu, należy do twojego konta: możesz ją pobrać i znika razem z kontem.",
        "Kom je via een verwijzing, bijvoorbeeld van het buurtteam? Dan zien alleen de medewerkers je naam en hoe we je bereiken. De verwijzer ziet dat niet. We wissen het twaalf weken nadat we je hebben geholpen.": "Trafiasz do nas przez skierowanie, na przykład od zespołu dzielnicowego? Wtedy tylko pracownicy widzą twoje imię i to, jak się z tobą skontaktować. Osoba, która cię skierowała, tego nie widzi. Usuwamy te dane dwanaście tygodni po tym, jak ci pomożemy.",
    }
)
