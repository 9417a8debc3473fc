//! Words for events ("since last time") and stand-up attendance.

use crate::config::Language;

/// The words of events and attendance.
#[derive(Debug)]
pub struct EventStrings {
    /// The form's title for a new event.
    pub add_event: &'static str,
    pub edit_event: &'static str,
    pub kind: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    pub note: &'static str,
    pub err_time: &'static str,
    pub err_time_future: &'static str,
    /// The panel's title, and the word for events in headings and undo messages.
    pub events: &'static str,
    pub keys_events: &'static str,
    /// `{event}`: the event as the panel lists it; `{name}`: the person.
    pub confirm_delete: &'static str,
    pub no_events: &'static str,
    /// Stand-up heading: events since this stay was last discussed.
    pub since_last: &'static str,
    /// Stand-up heading for a stay never discussed at a stand-up.
    pub since_admission: &'static str,
    pub nothing_since: &'static str,
    /// More events than fit: «+2 til (E viser alle)».
    pub more: &'static str,
    /// Legend: the board's mark for new events.
    pub legend_new: &'static str,
    /// Who recorded it: «reg. anne».
    pub recorded_by: &'static str,
    pub deleted: &'static str,
    /// Attendance list.
    pub attendance_title: &'static str,
    pub keys_attendance: &'static str,
    pub no_staff: &'static str,
    /// «Til stede:» in the stand-up.
    pub present: &'static str,
    /// Attendance not recorded yet: «Til stede: ikke registrert – trykk M» (says what is
    /// missing and the key, not a question after a colon).
    pub present_hint: &'static str,
    pub meeting_not_ready: &'static str,
    /// The discipline for staff without one in the config.
    pub no_discipline: &'static str,
    /// After «SIDEN SIST»: «drøftet sist».
    pub last_discussed: &'static str,
    /// One event, in the history: «Hendelse».
    pub event: &'static str,
    /// Report and indicators view.
    pub r_events: &'static str,
    pub r_falls: &'static str,
    pub r_hospital: &'static str,
    pub r_deterioration: &'static str,
    /// `median 3,5 t`.
    pub r_median_hours: &'static str,
    /// `{n} med tid, {t} uten klokkeslett, {c} uten kontakt`.
    pub r_contact_note: &'static str,
    pub r_by_kind: &'static str,
    /// `Til stede på tavlemøtene: oppmøte registrert på {n} av {m}`.
    pub r_attendance: &'static str,
    /// `{p} personer`.
    pub r_people: &'static str,
    /// Help lines (key, what it does) added to the board's help.
    pub help: &'static [(&'static str, &'static str)],
}

/// The event and attendance words for `lang`.
pub fn event_strings(lang: Language) -> &'static EventStrings {
    match lang {
        Language::Nb => &EVENTS_NB,
        Language::En => &EVENTS_EN,
    }
}

static EVENTS_NB: EventStrings = EventStrings {
    add_event: "Ny hendelse",
    edit_event: "Rett hendelse",
    kind: "Hva skjedde",
    date: "Dato",
    time: "Klokkeslett",
    note: "Merknad",
    err_time: "Skriv klokkeslett som 14:30 (eller la feltet stå tomt)",
    err_time_future: "Klokkeslettet kan ikke være senere enn nå",
    events: "Hendelser",
    keys_events: "h/n ny · e/Enter rett · D slett · u angre · Esc tilbake",
    confirm_delete: "Slette hendelsen «{event}» for {name}? Kan angres med u.",
    no_events: "Ingen hendelser registrert",
    since_last: "SIDEN SIST",
    since_admission: "SIDEN INNLEGGELSEN",
    nothing_since: "Ingen nye hendelser",
    more: "+{n} til (E viser alle)",
    legend_new: "nye hendelser siden forrige tavlemøte",
    recorded_by: "reg.",
    deleted: "Hendelsen er slettet (u angrer)",
    attendance_title: "Hvem er til stede?",
    keys_attendance: "Mellomrom/x til stede · ↑/↓ flytt · Esc ferdig",
    no_staff: "Ingen ansatte i oppsettet (staff)",
    present: "Til stede:",
    present_hint: "ikke registrert – trykk M",
    meeting_not_ready: "Møtet er ikke registrert ennå – prøv igjen om et øyeblikk",
    no_discipline: "uten fag",
    last_discussed: "sist drøftet",
    r_events: "Hendelser i perioden ({d} liggedøgn)",
    r_falls: "Fall per 100 liggedøgn",
    r_hospital: "Innleggelser på sykehus (hendelser)",
    r_deterioration: "Forverring → lege/legevakt/ambulanse",
    r_median_hours: "median {h} t",
    r_contact_note: "{n} forverringer: {w} med tid, {t} uten klokkeslett, {c} uten kontakt",
    r_by_kind: "Alle hendelser",
    r_attendance: "Til stede på tavlemøtene: oppmøte registrert på {n} av {m}",
    r_people: "{p} oppmøter",
    event: "Hendelse",
    help: &[
        (
            "h",
            "registrer en hendelse: fall, innleggelse på sykehus, legevakt, ambulanse, fastlege, forverring, pårørende (også i tavlemøtet)",
        ),
        (
            "E",
            "hendelsene for innleggelsen: rett eller slett en feilregistrert",
        ),
        (
            "◆ / #",
            "foran navnet: nye hendelser siden innleggelsen sist ble drøftet på tavlemøtet",
        ),
        (
            "M (tavlemøte)",
            "hvem er til stede: kryss av fra personallisten",
        ),
    ],
};

static EVENTS_EN: EventStrings = EventStrings {
    add_event: "New event",
    edit_event: "Correct event",
    kind: "What happened",
    date: "Date",
    time: "Time",
    note: "Note",
    err_time: "Type the time as 14:30 (or leave it empty)",
    err_time_future: "The time cannot be later than now",
    events: "Events",
    keys_events: "h/n new · e/Enter correct · D delete · u undo · Esc back",
    confirm_delete: "Delete the event «{event}» for {name}? u undoes it.",
    no_events: "No events recorded",
    since_last: "SINCE LAST TIME",
    since_admission: "SINCE ADMISSION",
    nothing_since: "No new events",
    more: "+{n} more (E shows all)",
    legend_new: "new events since the last stand-up",
    recorded_by: "by",
    deleted: "The event is deleted (u undoes)",
    attendance_title: "Who is here?",
    keys_attendance: "Space/x present · ↑/↓ move · Esc done",
    no_staff: "No staff in the config (staff)",
    present: "Present:",
    present_hint: "not recorded – press M",
    meeting_not_ready: "The meeting is not recorded yet – try again in a moment",
    no_discipline: "no discipline",
    last_discussed: "last discussed",
    r_events: "Events in the period ({d} stay-days)",
    r_falls: "Falls per 100 stay-days",
    r_hospital: "Hospital admissions (events)",
    r_deterioration: "Deterioration → GP/out-of-hours/ambulance",
    r_median_hours: "median {h} h",
    r_contact_note: "{n} deteriorations: {w} with times, {t} without a time, {c} without contact",
    r_by_kind: "All events",
    r_attendance: "Present at the stand-ups: attendance recorded at {n} of {m}",
    r_people: "{p} attendances",
    event: "Event",
    help: &[
        (
            "h",
            "record an event: fall, hospital admission, out-of-hours doctor, ambulance, GP, deterioration, next of kin (also in the stand-up)",
        ),
        ("E", "the stay's events: correct or delete a mis-typed one"),
        (
            "◆ / #",
            "before the name: new events since the stay was last discussed at a stand-up",
        ),
        ("M (stand-up)", "who is here: tick from the staff list"),
    ],
};
