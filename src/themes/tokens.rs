//! Tokenising comment text into lowercase word tokens with clause boundaries.
//!
//! Owns the word rules: Unicode letters (æøå, ë, ü, ß ...), apostrophes inside words, English
//! `n't` split off as its own token ("don't" -> "do", "n't"), a trailing possessive `'s` dropped,
//! one-letter prefixes joined across a hyphen ("e-mail" -> "email"). Punctuation that ends a
//! clause (. , ; : ! ? brackets, new lines) increments the clause number so negation and phrases
//! never reach across it. Knows nothing about languages.

/// One lowercase word of a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    /// The word, lowercased, apostrophes normalised to `'`.
    pub text: String,
    /// Index of the clause the word is in (0-based, increases at clause punctuation).
    pub clause: u32,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}')
}

fn is_clause_break(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '\n' | '\r' | '"' | '\u{2026}' | '|' | '/')
}

/// Splits `text` into lowercase word tokens with clause numbers.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut word = String::new();
    let mut clause = 0u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        let next_is_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
        if is_apostrophe(c) && !word.is_empty() && next_is_letter {
            word.push('\'');
            continue;
        }
        if c == '-' && next_is_letter && word.chars().count() == 1 {
            // "e-mail" -> "email", "t-shirt" -> "tshirt"
            continue;
        }
        finish_word(&mut word, clause, &mut tokens);
        if is_clause_break(c) && tokens.last().is_some_and(|t| t.clause == clause) {
            clause += 1;
        }
    }
    finish_word(&mut word, clause, &mut tokens);
    tokens
}

fn finish_word(word: &mut String, clause: u32, tokens: &mut Vec<RawToken>) {
    if word.is_empty() {
        return;
    }
    let mut text = std::mem::take(word);
    if text.ends_with("'s") && text.chars().count() > 3 {
        text.truncate(text.len() - 2);
    }
    if text.ends_with("n't") && text.len() > 3 {
        text.truncate(text.len() - 3);
        tokens.push(RawToken { text, clause });
        tokens.push(RawToken { text: "n't".to_owned(), clause });
        return;
    }
    tokens.push(RawToken { text, clause });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn lowercases_unicode_letters() {
        assert_eq!(
            words("Ærlig talt: GRØN, Äpfel, Straße, geïnteresseerd"),
            ["ærlig", "talt", "grøn", "äpfel", "straße", "geïnteresseerd"]
        );
    }

    #[test]
    fn splits_english_negation_and_keeps_apostrophes() {
        assert_eq!(words("I don't like it, it's slow"), ["i", "do", "n't", "like", "it", "it", "slow"]);
        assert_eq!(words("Can\u{2019}t log in"), ["ca", "n't", "log", "in"]);
        assert_eq!(words("zo'n app's"), ["zo'n", "app"]);
    }

    #[test]
    fn joins_single_letter_hyphen_prefix_and_splits_others() {
        assert_eq!(words("e-mail klanten-service"), ["email", "klanten", "service"]);
    }

    #[test]
    fn numbers_and_punctuation_separate_words_and_clauses() {
        let tokens = tokenize("Niet snel, wel 3x vriendelijk. Top");
        let clauses: Vec<u32> = tokens.iter().map(|t| t.clause).collect();
        assert_eq!(words("Niet snel, wel 3x vriendelijk. Top"), ["niet", "snel", "wel", "x", "vriendelijk", "top"]);
        assert_eq!(clauses, [0, 0, 1, 1, 1, 2]);
    }
}
