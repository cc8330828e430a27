//! Invented people: Finnish, Finland-Swedish and immigrant-background names (Somali, Arabic,
//! Dari, Russian, Ukrainian, Estonian, Vietnamese), each with a mother tongue.

use super::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Finnish,
    FinlandSwedish,
    Somali,
    Arabic,
    Dari,
    Russian,
    Ukrainian,
    Estonian,
    Vietnamese,
}

#[derive(Debug)]
pub struct NameTable {
    pub background: Background,
    /// ISO 639-1 code of the mother tongue.
    pub mother_tongue: &'static str,
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    /// Family names; Russian ones are given in the masculine form and inflected.
    pub family: &'static [&'static str],
}

#[rustfmt::skip]
pub const TABLES: &[NameTable] = &[
    NameTable { background: Background::Finnish, mother_tongue: "fi",
        female: &["Aino", "Anna", "Anne", "Eeva", "Elina", "Emilia", "Hanna", "Heidi", "Iida", "Jenni", "Johanna", "Kaisa", "Katja", "Laura", "Leena", "Maija", "Mari", "Minna", "Niina", "Noora", "Outi", "Päivi", "Pirjo", "Riikka", "Sanna", "Satu", "Sirpa", "Suvi", "Tiina", "Tuula", "Veera", "Venla"],
        male: &["Aleksi", "Antti", "Arttu", "Eero", "Harri", "Heikki", "Janne", "Jari", "Jere", "Joonas", "Juha", "Jukka", "Kalle", "Lauri", "Markku", "Matti", "Mikko", "Niko", "Olli", "Onni", "Pasi", "Petri", "Sami", "Teemu", "Timo", "Tuomas", "Veikko", "Ville"],
        family: &["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Pesonen", "Hiltunen", "Väisänen", "Kallio", "Leinonen", "Anttila", "Honkanen", "Kemppainen", "Kangas", "Peltola", "Huttunen", "Hakala", "Manninen", "Leppänen", "Kokkonen", "Räsänen", "Oksanen", "Seppälä", "Pietilä", "Ylikoski", "Hautala", "Kotila", "Isokangas", "Kumpulainen"] },
    NameTable { background: Background::FinlandSwedish, mother_tongue: "sv",
        female: &["Ann-Christin", "Linnea", "Ebba", "Sofia", "Ida", "Camilla", "Johanna", "Emma"],
        male: &["Johan", "Mikael", "Anders", "Henrik", "Patrik", "Jonas", "Kristian", "Mats"],
        family: &["Sundqvist", "Björklund", "Backman", "Nyström", "Lindqvist", "Holmberg", "Forsman", "Granholm", "Storbacka", "Hästbacka"] },
    NameTable { background: Background::Somali, mother_tongue: "so",
        female: &["Hodan", "Faadumo", "Sahra", "Ayaan", "Hawa", "Nimco", "Ifrah", "Hibaaq", "Sagal", "Asli"],
        male: &["Abdirahman", "Mohamed", "Abdullahi", "Ahmed", "Hassan", "Ismail", "Mahad", "Liban", "Yusuf", "Abdikarim"],
        family: &["Warsame", "Farah", "Abdi", "Hussein", "Mohamud", "Ali", "Osman", "Jama", "Egal", "Nur"] },
    NameTable { background: Background::Arabic, mother_tongue: "ar",
        female: &["Fatima", "Zainab", "Maryam", "Noor", "Rana", "Huda", "Layla", "Amal", "Yasmin", "Dalia"],
        male: &["Ali", "Omar", "Mustafa", "Hussein", "Karim", "Ahmad", "Hamza", "Yousef", "Samir", "Khaled"],
        family: &["Al-Hashimi", "Hassan", "Abbas", "Al-Khafaji", "Jabbar", "Saleh", "Kadhim", "Al-Obaidi", "Mansour", "Haddad"] },
    NameTable { background: Background::Dari, mother_tongue: "fa",
        female: &["Zahra", "Fereshta", "Mariam", "Parwana", "Shabnam", "Mursal", "Nilofar", "Sima"],
        male: &["Ahmad", "Farid", "Jawad", "Mohammad", "Reza", "Hamid", "Sultan", "Naveed"],
        family: &["Ahmadi", "Rahimi", "Hosseini", "Karimi", "Sultani", "Noori", "Haidari", "Amiri"] },
    NameTable { background: Background::Russian, mother_tongue: "ru",
        female: &["Olga", "Tatiana", "Natalia", "Svetlana", "Irina", "Jelena", "Anastasia", "Julia", "Jekaterina", "Marina"],
        male: &["Dmitri", "Sergei", "Aleksandr", "Andrei", "Ivan", "Nikolai", "Mihail", "Pavel", "Vladimir", "Maksim"],
        family: &["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiljev", "Petrov", "Sokolov", "Mihailov", "Fjodorov", "Morozov", "Volkov", "Lebedev"] },
    NameTable { background: Background::Ukrainian, mother_tongue: "uk",
        female: &["Olena", "Iryna", "Oksana", "Kateryna", "Yuliia", "Viktoriia", "Nataliia", "Halyna", "Tetiana", "Anastasiia"],
        male: &["Oleksandr", "Andrii", "Serhii", "Volodymyr", "Mykola", "Dmytro", "Vasyl", "Yurii", "Bohdan", "Taras"],
        family: &["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Oliinyk", "Lysenko", "Savchenko", "Moroz"] },
    NameTable { background: Background::Estonian, mother_tongue: "et",
        female: &["Kadri", "Liis", "Triin", "Kristiina", "Maarja", "Kätlin", "Helen", "Piret"],
        male: &["Tanel", "Margus", "Rein", "Andres", "Priit", "Jaan", "Toomas", "Siim", "Urmas", "Kristjan"],
        family: &["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel"] },
    NameTable { background: Background::Vietnamese, mother_tongue: "vi",
        female: &["Lan", "Mai", "Huong", "Thu", "Ngoc", "Linh", "Trang", "Hoa"],
        male: &["Minh", "Tuan", "Duc", "Hung", "Nam", "Quang", "Thanh", "Long"],
        family: &["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do"] },
];

/// Immigrant backgrounds by weight (roughly the largest foreign-language groups in Finland).
pub const IMMIGRANT_WEIGHTS: &[(Background, u32)] = &[
    (Background::Russian, 18),
    (Background::Ukrainian, 20),
    (Background::Estonian, 12),
    (Background::Arabic, 20),
    (Background::Somali, 15),
    (Background::Dari, 8),
    (Background::Vietnamese, 7),
];

pub fn table(bg: Background) -> &'static NameTable {
    TABLES
        .iter()
        .find(|t| t.background == bg)
        .unwrap_or(&TABLES[0])
}

/// Russian family names have a feminine form.
fn feminine(family: &str) -> String {
    if family.ends_with("ov") || family.ends_with("ev") || family.ends_with("in") {
        format!("{family}a")
    } else {
        family.to_owned()
    }
}

/// `(given, family)` for a person of `bg`.
pub fn name(rng: &mut Rng, bg: Background, male: bool) -> (String, String) {
    let t = table(bg);
    let given = rng.pick(if male { t.male } else { t.female });
    let family = rng.pick(t.family);
    let family = if bg == Background::Russian && !male {
        feminine(family)
    } else {
        (*family).to_owned()
    };
    ((*given).to_owned(), family)
}

/// ASCII for e-mail local parts: `Päivi Hämäläinen` gives `paivi.hamalainen`.
pub fn ascii_local(given: &str, family: &str) -> String {
    format!("{given}.{family}")
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'ä' | 'å' | 'á' => Some('a'),
            'ö' | 'ó' => Some('o'),
            'ü' => Some('u'),
            'é' => Some('e'),
            c if c.is_ascii_alphanumeric() || c == '.' || c == '-' => Some(c),
            _ => None,
        })
        .collect()
}
