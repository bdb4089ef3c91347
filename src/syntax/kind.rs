//! Node kinds of the minutes grammar. A test checks them against
//! `grammar/src/node-types.json`, so a renamed node breaks the build's tests,
//! not the model.

pub const ABBREVIATION_DEFINITION: &str = "abbreviation_definition";
pub const ACTION: &str = "action";
pub const ACTION_KEYWORD: &str = "action_keyword";
pub const ACTION_LINE: &str = "action_line";
pub const ACTION_MARKER: &str = "action_marker";
pub const AGENDA_ITEM: &str = "agenda_item";
pub const ATTENDANCE: &str = "attendance";
pub const ATTENDANCE_LABEL: &str = "attendance_label";
pub const ATTENDEE: &str = "attendee";
pub const COMMENT: &str = "comment";
pub const DATE: &str = "date";
pub const DOCUMENT: &str = "document";
pub const DUE: &str = "due";
pub const FIELD_NAME: &str = "field_name";
pub const HEADER_FIELD: &str = "header_field";
pub const HEADING: &str = "heading";
pub const HEADING_TEXT: &str = "heading_text";
pub const ITEM_HEADING: &str = "item_heading";
pub const ITEM_MARKER: &str = "item_marker";
pub const ITEM_NUMBER: &str = "item_number";
pub const LABEL: &str = "label";
pub const LABEL_LINE: &str = "label_line";
pub const LIST: &str = "list";
pub const LIST_ITEM: &str = "list_item";
pub const LIST_MARKER: &str = "list_marker";
pub const LONG_FORM: &str = "long_form";
pub const MEETING_HEADER: &str = "meeting_header";
pub const MEETING_TITLE: &str = "meeting_title";
pub const NUMBERED_PARAGRAPH: &str = "numbered_paragraph";
pub const OWNER: &str = "owner";
pub const PAGE_BREAK: &str = "page_break";
pub const PARAGRAPH: &str = "paragraph";
pub const PARAGRAPH_NUMBER: &str = "paragraph_number";
pub const PERSON: &str = "person";
pub const RESOLUTION: &str = "resolution";
pub const RESOLUTION_MARKER: &str = "resolution_marker";
pub const RESOLVED_BLOCK: &str = "resolved_block";
pub const RESOLVED_MARKER: &str = "resolved_marker";
pub const ROLE: &str = "role";
pub const SHORT_FORM: &str = "short_form";
pub const SIGNATURE: &str = "signature";
pub const SIGNATURE_LINE: &str = "signature_line";
pub const TASK: &str = "task";
pub const TEXT: &str = "text";
pub const TITLE: &str = "title";
pub const VALUE: &str = "value";

/// Every named kind above, for the test against node-types.json.
pub const ALL: &[&str] = &[ABBREVIATION_DEFINITION, ACTION, ACTION_KEYWORD, ACTION_LINE, ACTION_MARKER, AGENDA_ITEM, ATTENDANCE, ATTENDANCE_LABEL, ATTENDEE, COMMENT, DATE, DOCUMENT, DUE, FIELD_NAME, HEADER_FIELD, HEADING, HEADING_TEXT, ITEM_HEADING, ITEM_MARKER, ITEM_NUMBER, LABEL, LABEL_LINE, LIST, LIST_ITEM, LIST_MARKER, LONG_FORM, MEETING_HEADER, MEETING_TITLE, NUMBERED_PARAGRAPH, OWNER, PAGE_BREAK, PARAGRAPH, PARAGRAPH_NUMBER, PERSON, RESOLUTION, RESOLUTION_MARKER, RESOLVED_BLOCK, RESOLVED_MARKER, ROLE, SHORT_FORM, SIGNATURE, SIGNATURE_LINE, TASK, TEXT, TITLE, VALUE];

#[cfg(test)]
mod tests {
    #[test]
    fn kinds_match_node_types_json() {
        let json = include_str!("../../grammar/src/node-types.json");
        let types: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        let mut named: Vec<&str> = types
            .iter()
            .filter(|t| t["named"].as_bool() == Some(true))
            .filter_map(|t| t["type"].as_str())
            .collect();
        named.sort();
        let mut ours = super::ALL.to_vec();
        ours.sort();
        assert_eq!(ours, named);
    }
}
