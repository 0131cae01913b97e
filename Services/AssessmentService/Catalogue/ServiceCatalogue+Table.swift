internal import TiltsMessages

// Written by Tests/AssessmentServiceTests/Fixtures/make_catalogue.py from rehabilitation-services.tsv;
// edit the TSV and rerun the script rather than editing this table.

extension ServiceCatalogue {
    /// The 40 service types of the municipal individual support plans, in the TSV's order.
    static let table: [RehabilitationServiceType] = [
        RehabilitationServiceType(code: "support_group", nameLv: "Atbalsta vai pašpalīdzības grupa", nameEn: "Support or self-help group"),
        RehabilitationServiceType(code: "social_worker_consultation", nameLv: "Sociālā darbinieka (t.sk. karitatīvā sociālā darbinieka) individuālās konsultācijas, t.sk. psihosociālais darbs", nameEn: "Social worker's individual consultations, incl. psychosocial work"),
        RehabilitationServiceType(code: "post_trauma_programme", nameLv: "Pēc traumatisma programma", nameEn: "Post-trauma programme"),
        RehabilitationServiceType(code: "crisis_centre_children", nameLv: "Krīzes centrs bērniem", nameEn: "Crisis centre for children"),
        RehabilitationServiceType(code: "post_trauma_support_centre", nameLv: "Atbalsta centri pēc traumatisma rehabilitācijai", nameEn: "Support centre for post-trauma rehabilitation"),
        RehabilitationServiceType(code: "crisis_centre_mothers_children", nameLv: "Krīzes centrs mātēm ar bērniem", nameEn: "Crisis centre for mothers with children"),
        RehabilitationServiceType(code: "day_care_centre", nameLv: "Dienas aprūpes centrs", nameEn: "Day care centre"),
        RehabilitationServiceType(code: "child_assistant", nameLv: "Asistenta pakalpojums (no 5 gadu vecuma) bērnam", nameEn: "Assistant for the child (from age 5)"),
        RehabilitationServiceType(code: "family_assistant", nameLv: "Ģimenes asistenta vai atbalsta personas pakalpojumi", nameEn: "Family assistant or support person"),
        RehabilitationServiceType(code: "social_rehabilitator", nameLv: "Sociālā rehabilitētāja pakalpojums", nameEn: "Social rehabilitator"),
        RehabilitationServiceType(code: "speech_therapist", nameLv: "Logopēds", nameEn: "Speech therapist"),
        RehabilitationServiceType(code: "occupational_therapist", nameLv: "Ergoterapeits", nameEn: "Occupational therapist"),
        RehabilitationServiceType(code: "psychotherapist", nameLv: "Psihoterapeits", nameEn: "Psychotherapist"),
        RehabilitationServiceType(code: "psychologist", nameLv: "Psihologs", nameEn: "Psychologist"),
        RehabilitationServiceType(code: "physiotherapist", nameLv: "Fizioterapeits", nameEn: "Physiotherapist"),
        RehabilitationServiceType(code: "special_educator", nameLv: "Speciālais/attīstošais pedagogs", nameEn: "Special / developmental educator"),
        RehabilitationServiceType(code: "defectologist", nameLv: "Defektologs", nameEn: "Defectologist"),
        RehabilitationServiceType(code: "educational_support_group", nameLv: "Izglītojošās atbalsta grupas", nameEn: "Educational support groups"),
        RehabilitationServiceType(code: "skills_training", nameLv: "Nodarbības prasmju apmācībai", nameEn: "Skills training sessions"),
        RehabilitationServiceType(code: "creative_workshops", nameLv: "Radošās darbnīcas", nameEn: "Creative workshops"),
        RehabilitationServiceType(code: "specialised_workshops", nameLv: "Specializētās darbnīcas", nameEn: "Specialised workshops"),
        RehabilitationServiceType(code: "behaviour_correction", nameLv: "Uzvedības un saskarsmes korekcijas (sociālās rehabilitācijas) programmas un/vai nodarbības", nameEn: "Behaviour and communication correction programmes"),
        RehabilitationServiceType(code: "communication_training_group", nameLv: "Saskarsmes treniņgrupas", nameEn: "Communication training groups"),
        RehabilitationServiceType(code: "youth_risk_prevention", nameLv: "Preventīvas un agrīna riska novēršanas programma jauniešiem ar deviantu un vardarbīgu uzvedību un/vai pašdestrukciju", nameEn: "Prevention programme for youth with deviant, violent or self-destructive behaviour"),
        RehabilitationServiceType(code: "music_therapy", nameLv: "Mūzikas terapija", nameEn: "Music therapy"),
        RehabilitationServiceType(code: "art_therapy", nameLv: "Mākslas terapija", nameEn: "Art therapy"),
        RehabilitationServiceType(code: "movement_dance_therapy", nameLv: "Kustību/deju terapija", nameEn: "Movement / dance therapy"),
        RehabilitationServiceType(code: "aba_therapy", nameLv: "ABA terapija", nameEn: "ABA therapy"),
        RehabilitationServiceType(code: "sand_therapy", nameLv: "Smilšu terapija", nameEn: "Sand therapy"),
        RehabilitationServiceType(code: "tera_play", nameLv: "Tera spēle", nameEn: "Tera play"),
        RehabilitationServiceType(code: "family_therapy", nameLv: "Ģimenes terapija", nameEn: "Family therapy"),
        RehabilitationServiceType(code: "cbt", nameLv: "Kognitīvi biheiviorālā terapija", nameEn: "Cognitive behavioural therapy"),
        RehabilitationServiceType(code: "marte_meo", nameLv: "MarteMeo", nameEn: "Marte Meo"),
        RehabilitationServiceType(code: "equine_therapy", nameLv: "Reitterapija", nameEn: "Equine-assisted therapy"),
        RehabilitationServiceType(code: "canine_therapy", nameLv: "Kanisterapija", nameEn: "Canine-assisted therapy"),
        RehabilitationServiceType(code: "water_procedures", nameLv: "Ūdens procedūras", nameEn: "Water procedures"),
        RehabilitationServiceType(code: "teacch", nameLv: "TEACCH pieeja (t.sk. vides pielāgošana, vizuāls atbalsts, vizuāla informācija)", nameEn: "TEACCH approach"),
        RehabilitationServiceType(code: "pecs_aac", nameLv: "PECS un cita veida alternatīvās komunikācijas metodes", nameEn: "PECS and other alternative communication methods"),
        RehabilitationServiceType(code: "montessori", nameLv: "Sociālā rehabilitācija: Montesori", nameEn: "Social rehabilitation: Montessori"),
        RehabilitationServiceType(code: "other", nameLv: "Sociālā rehabilitācija: cits", nameEn: "Social rehabilitation: other"),
    ]
}
