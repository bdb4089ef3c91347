//! One test per form, from sentences written for them (not from the corpus),
//! positive and negative.

use super::*;

fn find(text: &str) -> Vec<Commitment> {
    find_commitments(text, &People::default(), Setting::default())
}

fn find_with(text: &str, people: &[&str], entry: bool) -> Vec<Commitment> {
    find_commitments(text, &People::new(people.iter().copied()), Setting { entry })
}

fn one(text: &str) -> Commitment {
    let found = find(text);
    assert_eq!(found.len(), 1, "expected one commitment in {text:?}, got {found:#?}");
    found.into_iter().next().unwrap()
}

fn none(text: &str) {
    let found = find(text);
    assert!(found.is_empty(), "expected no commitment in {text:?}, got {found:#?}");
}

fn owners(c: &Commitment) -> Vec<&str> {
    c.owners.iter().map(String::as_str).collect()
}

#[test]
fn any_verb_after_an_owner_and_to() {
    for verb in ["finalise", "advertise", "sign", "email", "chase", "assess", "compose", "take the lead on"] {
        let t = format!("Clerk to {verb} the tender documents.");
        let c = one(&t);
        assert_eq!(owners(&c), ["Clerk"], "{t}");
        assert_eq!(c.form, Form::Infinitive);
    }
    assert_eq!(owners(&one("Mowing contract: RT to telephone the contractor.")), ["RT"]);
    none("Nothing to report.");
    none("Payments to end September £1,200.");
    none("Thanks to Tom for the new bench.");
}

#[test]
fn future_modal_with_a_named_subject() {
    let c = one("Cllr Okafor will write to the bus company about the timetable.");
    assert_eq!(owners(&c), ["Cllr Okafor"]);
    assert_eq!(c.form, Form::Future);
    assert_eq!(owners(&one("The Treasurer would be circulating the accounts before the AGM.")), ["Treasurer"]);
    assert_eq!(owners(&one("The Head of Estates and Facilities would be happy to arrange a site visit.")), ["Head of Estates and Facilities"]);
    none("The new software will produce better figures for the team.");
    none("It would not provide a lasting answer to the flooding.");
    none("The Warden would not be attending future meetings.");
}

#[test]
fn pronouns_resolve_to_the_nearest_owner() {
    let c = one("The Footpaths Officer described the survey. She would send the map to members by 3 June.");
    assert_eq!(owners(&c), ["Footpaths Officer"]);
    assert_eq!(c.owner_span, None);
    assert_eq!(c.due.unwrap().text, "by 3 June");
    let c = one("The governors discussed the roof and they agreed to seek three quotes.");
    assert_eq!(owners(&c), ["governors"]);
    let c = one("Members remained worried about the verges and would raise them with the highways team.");
    assert_eq!(owners(&c), ["Members"]);
}

#[test]
fn a_pronoun_or_an_i_that_names_nobody_leaves_the_owner_to_the_reader() {
    // nobody named before "they": the text refers to someone, it does not
    // leave the task unowned, so the commitment is marked uncertain
    let c = one("They are happy to put the events in their newsletter.");
    assert!(c.owners.is_empty() && c.elided, "{c:#?}");
    let c = one("I will circulate the revised terms before the next meeting.");
    assert!(c.owners.is_empty() && c.elided, "{c:#?}");
    // a pronoun that resolves is an owner, and certain
    let c = one("The Treasurer described the accounts. She would send them to members.");
    assert_eq!(owners(&c), ["Treasurer"]);
    assert!(!c.elided);
    // a passive names nobody, and is certain to need someone
    let c = one("The hedge will be trimmed before the summer.");
    assert!(c.owners.is_empty() && !c.elided);
}

#[test]
fn a_clause_after_but_shares_a_subject_that_is_no_one() {
    none("It does not have to involve the central office, but would still get full support.");
    let c = one("Members discussed the verges, but would raise them with the highways team.");
    assert_eq!(owners(&c), ["Members"]);
}

#[test]
fn undertakings_and_volunteers() {
    assert_eq!(owners(&one("The Secretary agreed to book the hall for the quiz night.")), ["Secretary"]);
    assert_eq!(owners(&one("Mrs Adeyemi offered to collect the raffle prizes.")), ["Mrs Adeyemi"]);
    assert_eq!(owners(&one("The Vicar is still trying to reach the diocese surveyor.")), ["Vicar"]);
    assert_eq!(owners(&one("The Groundsman continues to monitor the drainage.")), ["Groundsman"]);
    assert_eq!(owners(&one("Ola and Ben have volunteered.")), ["Ola", "Ben"]);
    // the speaker offering in the present
    assert_eq!(owners(&one("Jessica: I volunteer.")), ["Jessica"]);
    none("The members volunteer at the food bank.");
    let c = one("Agreed to return to the parking question in spring.");
    assert!(c.owners.is_empty());
    none("It had previously been agreed to replace the fence.");
}

#[test]
fn obligations() {
    assert_eq!(owners(&one("The contractor has to supply a method statement.")), ["contractor"]);
    assert_eq!(owners(&one("The Treasurer is to prepare the year-end figures.")), ["Treasurer"]);
    none("The contractor had to leave early.");
}

#[test]
fn directed_asked_requested() {
    let c = one("The Board asked the Executive Director to draft a hiring plan.");
    assert_eq!(owners(&c), ["Executive Director"]);
    assert_eq!(c.form, Form::Directed);
    assert_eq!(owners(&one("Staff was directed to post the notice on the town website.")), ["Staff"]);
    assert_eq!(owners(&one("Councillors reminded to return their declaration forms.")), ["Councillors"]);
    assert_eq!(owners(&one("The committee requested the Treasurer to open a savings account.")), ["Treasurer"]);
    none("The Chair asked the Committee to note the report.");
    none("The Committee is asked to comment on the draft plan.");
    none("The resident had asked the Clerk to remove the sign.");
}

#[test]
fn subjunctive_and_decisions() {
    let c = one("RESOLVED: That the Clerk obtain three quotes for the play area.");
    assert_eq!(owners(&c), ["Clerk"]);
    assert_eq!(c.form, Form::Subjunctive);
    assert_eq!(owners(&one("It was agreed by KL, MR and TS that the PC should renew the lease.")), ["PC"]);
    assert_eq!(owners(&one("It was agreed that the Head Teacher would brief the new staff.")), ["Head Teacher"]);
    let c = one("That a revised budget be presented to the March meeting.");
    assert!(c.owners.is_empty());
    assert_eq!(c.form, Form::Passive);
    let c = one("That the minutes be signed by the Chairman.");
    assert_eq!(owners(&c), ["Chairman"]);
    none("RESOLVED: That the report be noted.");
    none("That Mrs Grey be appointed as internal auditor.");
    let found = find("DECISION: 1) To buy a new mower. 2) To repaint the shelter.");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.iter().all(|c| c.form == Form::Decision && c.owners.is_empty()));
    none("To receive the report of the Planning Committee.");
    none("To note the correspondence.");
}

#[test]
fn passives_and_deferrals_commit_without_an_owner() {
    let c = one("The revised map would be circulated to members next week.");
    assert!(c.owners.is_empty());
    assert_eq!(c.form, Form::Passive);
    assert_eq!(owners(&one("The quotes would be collected by the Treasurer.")), ["Treasurer"]);
    let c = one("Consideration of the hedge application was deferred to the next meeting.");
    assert_eq!(c.form, Form::Deferral);
    assert!(c.due.unwrap().text.contains("next meeting"));
    assert!(one("The accounts would be approved at the April meeting.").owners.is_empty());
    let c = one("The bench is to be moved nearer the pond.");
    assert!(c.owners.is_empty());
    none("It is to be noted that the figures are provisional.");
    none("The grant had been paid to the school.");
}

#[test]
fn several_actions_in_one_sentence() {
    let t = "Clerk to order the salt bins, KL to collect them from the depot.";
    let found = find(t);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(owners(&found[0]), ["Clerk"]);
    assert_eq!(owners(&found[1]), ["KL"]);
    assert_eq!(&t[found[1].span.clone()], "KL to collect them from the depot.");
    let found = find("AB to draft the letter and CD to send it.");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((owners(&found[0]), owners(&found[1])), (vec!["AB"], vec!["CD"]));
    let c = one("The Chair and the Treasurer to meet the auditor.");
    assert_eq!(owners(&c), ["Chair", "Treasurer"]);
    let c = one("The Clerk agreed to order the sign and chase the printer.");
    assert_eq!(owners(&c), ["Clerk"]);
}

#[test]
fn owners_with_aliases_full_stops_and_first_names() {
    assert_eq!(owners(&one("Priya (pk401) to contact the venue about access.")), ["Priya"]);
    assert_eq!(owners(&one("Cllrs. to return their forms to the Clerk.")), ["Cllrs"]);
    let found = find_with("Marek to update the wiki page.", &["Marek Nowak"], false);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].owners, ["Marek"]);
    assert!(find_with("Marek to update the wiki page.", &[], false).is_empty(), "an unknown word opening a sentence is not an owner");
}

#[test]
fn speakers_and_first_person() {
    let found = find_with("Irene: I can volunteer to review the draft.", &[], false);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].owners, ["Irene"]);
    let found = find_with("Jonas: I'll ping the editors about this.", &[], false);
    assert_eq!(found[0].owners, ["Jonas"]);
    let c = one("We should raise this with the working group.");
    assert!(c.owners.is_empty());
    // "we" is the body as a whole: an owner a reader may accept
    assert!(c.elided);
    let c = one("The meeting agreed that the hall will be repainted in May.");
    assert!(c.owners.is_empty() && !c.elided, "{c:#?}");
}

#[test]
fn an_adverb_opening_the_sentence_is_no_owner() {
    assert_eq!(one("Unanimously agreed to move hosting to the new provider.").owners, Vec::<String>::new());
}

#[test]
fn how_things_stand_is_no_work_in_hand() {
    none("The Esports society is moving.");
    none("The new release is progressing steadily with better searches.");
    assert_eq!(owners(&one("JB is still chasing the contractor.")), ["JB"]);
}

#[test]
fn an_order_and_its_object_are_no_owner() {
    for c in find_with("empower people to do more\n", &[], true) {
        assert!(c.owners.is_empty(), "{c:?}");
    }
    assert_eq!(owners(&one("The review team to meet in June.")), ["review team"]);
}

#[test]
fn imperative_entries() {
    let found = find_with("Book the hall for the summer fair", &[], true);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].form, Form::Imperative);
    assert_eq!(find_with("Look for a new venue", &[], true).len(), 1, "a verb with its particle");
    assert!(find_with("Update on the website", &[], true).is_empty());
    assert!(find_with("Contact details were circulated", &[], true).is_empty());
    assert!(find_with("Draft Minutes Subject to Approval", &[], true).is_empty());
    assert!(find("Book the hall for the summer fair").is_empty(), "only an entry of its own");
}

#[test]
fn past_narrative_conditions_opinions_and_corrections() {
    none("The Clerk had written to the landowner in March.");
    none("Cllr Patel attended the training and reported back.");
    none("If the weather is poor, the Rangers will cancel the walk.");
    none("Members felt that the council should do more for young people.");
    none("Minute 12 should read: Cllr Hill had offered to paint the sign.");
    none("The Chair wished to thank everyone for their hard work.");
    none("We need two more adults for the trip.");
    none("Permission to fell the tree was granted by the Borough Council.");
}

#[test]
fn due_dates() {
    let c = one("The Clerk will circulate the figures by\u{a0}Friday.");
    let d = c.due.unwrap();
    assert_eq!(d.text, "by\u{a0}Friday");
    assert!(!d.vague);
    assert!(one("Officers will report back in due course.").due.unwrap().vague);
}

#[test]
fn spans_are_exact_with_odd_whitespace() {
    let t = "The Director explained the position.\r\nThe Clerk\u{a0}agreed to\r\ncirculate the\u{a0}figures.";
    let c = one(t);
    assert_eq!(&t[c.span.clone()], "The Clerk\u{a0}agreed to\r\ncirculate the\u{a0}figures.");
    assert_eq!(&t[c.owner_span.clone().unwrap()], "The Clerk");
}

#[test]
fn never_panics_on_odd_input() {
    let samples = [
        "", " ", "\u{a0}", ".", "(", "((((", "That", "That be", "to", "to be", "will", "would be", "é", "日本語。", "agreed to", "HR to", "by", "I'll",
        "n't", "'ll to", "x)y(z", "’’’", "\u{200b}", "RESOLVED, that", "she would", "DECISION: To", "1.", "a.", "iv.", "– to –", "Irene:", "@x: to be",
    ];
    for s in samples {
        for entry in [false, true] {
            for c in find_with(s, &["A B"], entry) {
                assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end) && c.span.end <= s.len());
            }
        }
    }
    let alphabet: Vec<char> = "aZ .,;:()'’\u{a0}\n\r\t•–-1é日Tthat would be by agreed to HR Clerk I'll asked ".chars().collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..80 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        for c in find_with(&s, &[], true) {
            assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end));
            if let Some(o) = &c.owner_span {
                assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
            }
        }
    }
    let long = "and the Clerk would ".repeat(5000);
    let _ = find(&long);
}

#[test]
fn reported_wish_to_invite() {
    let c = one("The Director told the Panel that, to be open, he would like to invite the opposition leaders to join the Board.");
    assert_eq!(owners(&c), ["Director"]);
}

#[test]
fn lead_ins_and_performatives_commit_nobody() {
    // a lead-in names the tasks of the list after it
    none("The following actions would be taken:");
    assert_eq!(owners(&one("The Clerk would write to the following:")), ["Clerk"]);
    // a resolution that does what it says by being passed
    none("RESOLVED, that a committee be and hereby is established.");
    assert_eq!(one("RESOLVED, that a committee be established.").form, Form::Passive);
}

#[test]
fn a_meeting_act_with_a_task_beside_it_is_the_subject_s() {
    // receiving or endorsing is done at a meeting: nobody named to do more
    assert!(one("The Board would endorse the approach.").owners.is_empty());
    // but the Board also does something itself
    assert_eq!(owners(&one("The Board would endorse the approach and provide any assistance necessary.")), ["Board"]);
}

#[test]
fn a_closed_meeting_and_an_open_question_commit_nobody() {
    none("The meeting was adjourned.");
    assert_eq!(one("The item was adjourned to the May meeting.").form, Form::Deferral);
    none("From the beginning it was unclear on who exactly would approve the budget.");
    none("Members asked who would write to the bank.");
}

#[test]
fn a_statement_of_purpose_commits_nobody() {
    none("The point of a working group is to do a piece of work and report back.");
    none("One of the goals of the new policy is to have everyone trained.");
    none("The primary object of the co-operative is to provide employment to its members.");
    none("The proposal is to start with three different plants in one area.");
    none("One question is to decide which tool to use.");
    assert!(one("The plan is to update the constitution in the spring.").owners.is_empty());
}

#[test]
fn a_rule_written_with_shall_sets_no_task() {
    none("Upon dissolution its remaining property shall be distributed to a co-op development fund.");
    none("The Co-operative shall be carried on without the purpose of gain for its members.");
    // a rule naming who acts is still theirs
    assert_eq!(one("The minutes shall be signed by the Chair.").owners, ["Chair"]);
}

#[test]
fn a_verb_before_to_and_a_state_after_it_commit_nobody() {
    none("Meeting called to order at 7:40 by Brad.");
    none("The meeting was called to order at 7:00 pm.");
    none("Hilmar proposes that the requirements for Jason to be a board member be waived.");
    none("Fred proposed that the social be held on campus.");
    assert!(!find("It was proposed that the social be held on campus.").is_empty());
    assert_eq!(owners(&one("Clerk to finalise the accounts.")), ["Clerk"]);
}

#[test]
fn questions_and_conditions_commit_nobody() {
    none("The question was raised as to who would oversee the repositories, and when the code would be made available for review.");
    none("Member Kattouw reminded members that if they had items they wanted added, they need to prepare them and submit them.");
    // a reminder to do something is still a task
    assert_eq!(owners(&one("Councillors were reminded to return their declaration forms.")), ["Councillors"]);
    // and a passive with no question before it is still one
    assert_eq!(one("The minutes would be circulated by the Clerk.").form, Form::Passive);
}

#[test]
fn reports_of_what_an_officer_said_or_did_set_no_task() {
    // a name opening with a word that is also a verb ("General") is no order
    for entry in [false, true] {
        for t in ["General Manager Gray provided an overview of the status of the elections.", "General Manager Gray noted groundwater can supply half the demand."] {
            assert!(find_with(t, &[], entry).is_empty(), "{t}");
        }
    }
    // an imperative entry naming someone stays a task
    assert_eq!(find_with("Email Bob about the invoice.", &[], true).len(), 1);
    // what the officer's vision is for, and the idiom that opens a meeting
    none("General Manager Gray said the vision is to build a water storage facility.");
    none("President Marx called the meeting to order at 6:34 p.m.");
}

#[test]
fn a_thing_named_in_capitals_is_no_owner() {
    none("The Wellness Program will cover items like teambuilding and training.");
    assert_eq!(owners(&one("The Parish Council will write to the landowner.")), ["Parish Council"]);
    assert_eq!(owners(&one("Tony Hunt will write to the landowner.")), ["Tony Hunt"]);
}

#[test]
fn a_relative_clause_describes_its_noun() {
    none("Cllr Janet Taylor declared an interest regarding the payment that she would be requesting in refund.");
    // after a verb, "that" opens what was agreed
    assert_eq!(find("It was agreed that she would contact the landowner.").len(), 1);
    assert_eq!(find("The Clerk noted that she would contact the landowner.").len(), 1);
}

#[test]
fn a_passive_clause_goes_on_with_the_owner_before_it() {
    let found = find("HR and NC would be creating a list of key contacts, and the list would be placed on the noticeboard.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(owners(&found[0]), ["HR", "NC"]);
}

#[test]
fn forecasts_and_beliefs_about_the_future_commit_nobody() {
    none("It is expected that next year's conference will be hosted by the university.");
    none("We are estimating we will sell 200 to 250 tickets.");
    none("Currently it looks like we will make a small surplus at the end of the year.");
    none("The treasurer thought the grant would be paid in May.");
    // a decision, or a commitment not under the forecast, still commits
    assert_eq!(owners(&one("It was agreed that the Clerk will write to the landowner.")), ["Clerk"]);
    assert_eq!(owners(&one("The Clerk will write to the landowner.")), ["Clerk"]);
}

#[test]
fn events_dated_and_indirect_questions_set_no_task() {
    none("The next meeting of the action group is to be held at Middleton on 28 July.");
    none("A bingo night will be held on 4 July.");
    none("There is a need for advice on how the teaching is to be done.");
    // a passive task still commits, and so does a relative clause on the thing to be done
    assert_eq!(one("The budget line is to be removed.").form, Form::Passive);
    assert_eq!(one("The accounts will be sent to the auditor.").form, Form::Passive);
}

#[test]
fn a_forecast_governs_only_the_clause_it_introduces() {
    // the noun "estimates" forecasts nothing; "I think I should" is the speaker's own plan
    assert_eq!(one("A further two estimates for the work will be sought.").form, Form::Passive);
    assert_eq!(find_with("Travis: I think I should file some issues.", &["Travis"], false).len(), 1);
}

#[test]
fn the_memo_gives_what_the_detector_finds_and_forgets_what_other_people_change() {
    // "alice" is an owner only when the document names her
    let (task, other) = ("alice to update the wiki.", "The Clerk would write to the school.");
    let entry = Setting { entry: true };
    let alice = People::new(["alice"]);
    let mut memo = Memo::default();
    for people in [alice.clone(), People::default(), alice.clone()] {
        let detector = Detector::new(people.clone(), Some(&mut memo));
        for text in [task, other] {
            assert_eq!(detector.find(text, entry), find_commitments(text, &people, entry), "{text:?} with {people:?}");
            // asked again in the same reading: the same answer
            assert_eq!(detector.find(text, entry), find_commitments(text, &people, entry));
        }
        // a bare imperative is a task only as an entry of its own
        let imperative = "Look for consulting support.";
        assert_ne!(detector.find(imperative, Setting::default()), detector.find(imperative, entry), "the setting is part of the key");
        drop(detector);
        memo.end();
    }
    assert_ne!(find_commitments(task, &alice, entry), find_commitments(task, &People::default(), entry), "the people make a difference");
    // a reading keeps only what it asked for
    Detector::new(alice.clone(), Some(&mut memo)).find(other, entry);
    memo.end();
    assert_eq!(memo.commitments.kept(), [other]);
    // other people keep what they answer as the people before did: "alice"
    // was asked about in the task, not in the other sentence
    Detector::new(alice.clone(), Some(&mut memo)).find(task, entry);
    Detector::new(alice.clone(), Some(&mut memo)).find(other, entry);
    memo.end();
    let bob = People::new(["Bob Smith"]);
    let detector = Detector::new(bob.clone(), Some(&mut memo));
    drop(detector);
    assert_eq!(memo.commitments.kept(), [other]);
    let detector = Detector::new(bob.clone(), Some(&mut memo));
    for text in [task, other] {
        assert_eq!(detector.find(text, entry), find_commitments(text, &bob, entry), "{text:?} with {bob:?}");
    }
}

#[test]
fn an_adverb_opening_the_sentence_is_not_the_owner() {
    assert_eq!(owners(&one("Additionally Nate will add the access information to the site.")), ["Nate"]);
    assert_eq!(owners(&one("Finally the Treasurer will circulate the accounts.")), ["Treasurer"]);
}

#[test]
fn a_chat_log_line_is_its_speakers() {
    let log = "13:11 <+bla> jrandom: I will post some screenshots tomorrow\n13:12 < jrandom> nice, thanks\n[13:14] <alice> I will write the docs.\n";
    let found = find(log);
    let got: Vec<Vec<&str>> = found.iter().map(owners).collect();
    // the nick speaks; the name after it is whom the line addresses
    assert_eq!(got, [vec!["bla"], vec!["alice"]], "{found:#?}");
    // an angle bracket in prose is no chat line
    assert!(sentences::chat_prefix("a < b> c").is_none());
    assert_eq!(sentences::chat_prefix("<@alice> hi"), Some((9, "alice")));
    // an HTML tag left in the text is no speaker
    assert!(sentences::chat_prefix("<br> The board met.").is_none());
}
