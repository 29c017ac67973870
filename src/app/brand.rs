//! The Report details form: the client's brand (title, client, the data's name, logo, two colours,
//! font) as the user edits it, checked when applied. The brand applied lives in the view
//! settings, so that it is saved with the project and used by Export all.
//!
//! Owns the form and its logo dialog; the brand itself is `chart::Brand`.

use crate::chart::Brand;

use super::Services;
use super::export::PathQuestion;
use super::failure::Cause;
use super::jobs::FileDialogJob;

/// The form as edited: every field as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrandForm {
    /// The report's title.
    pub title: String,
    /// The client.
    pub client: String,
    /// The data as the user calls it.
    pub source_name: String,
    /// Main and accent colour as typed (`#RRGGBB`, or empty for none).
    pub colours: [String; 2],
    /// The font's name.
    pub font: String,
    /// The logo as a data URL.
    pub logo: Option<String>,
    /// The logo file's name, as shown.
    pub logo_name: String,
    /// The PowerPoint template the deck is built on.
    pub template: Option<std::path::PathBuf>,
    /// Why the last Apply or logo was refused.
    pub error: Option<String>,
}

impl BrandForm {
    /// The form showing `brand`.
    #[must_use]
    pub fn of(brand: &Brand) -> Self {
        let colour = |k: usize| brand.colours.get(k).cloned().unwrap_or_default();
        Self {
            title: brand.title.clone(),
            client: brand.client.clone(),
            source_name: brand.source_name.clone(),
            colours: [colour(0), colour(1)],
            font: brand.font.clone(),
            logo: brand.logo.clone(),
            logo_name: String::new(),
            template: brand.template.clone(),
            error: None,
        }
    }

    /// The brand the form says, or why not (a colour that is not `#RRGGBB`).
    pub fn brand(&self) -> Result<Brand, String> {
        let mut colours = Vec::new();
        for typed in self.colours.iter().map(|c| c.trim()) {
            colours.push(if typed.is_empty() {
                String::new()
            } else {
                Brand::colour(typed).map_err(|e| e.to_string())?
            });
        }
        // An accent without a main colour keeps its place (an empty main colour is none: the
        // standard colours, or a template's); nothing after the last colour given.
        while colours.last().is_some_and(String::is_empty) {
            colours.pop();
        }
        Ok(Brand {
            title: self.title.trim().to_owned(),
            client: self.client.trim().to_owned(),
            source_name: self.source_name.trim().to_owned(),
            logo: self.logo.clone(),
            colours,
            font: self.font.trim().to_owned(),
            template: self.template.clone(),
        })
    }
}

/// What the user does with the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrandCommand {
    /// Open the form on the brand in use.
    Open,
    /// The fields as now typed.
    Edit(Box<BrandForm>),
    /// Ask for a logo file.
    ChooseLogo,
    /// Ask for a PowerPoint template.
    ChooseTemplate,
    /// No template.
    RemoveTemplate,
    /// No logo.
    RemoveLogo,
    /// Use the form's brand (when it is valid) and close.
    Apply,
    /// Close without using it.
    Close,
}

/// The form, while open, and its logo dialog.
#[derive(Default)]
pub struct BrandState {
    form: Option<BrandForm>,
    /// The file dialog under way: for the logo (`true`) or the template.
    dialog: Option<(bool, FileDialogJob)>,
}

impl std::fmt::Debug for BrandState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrandState").field("form", &self.form).field("asking", &self.dialog.is_some()).finish()
    }
}

impl BrandState {
    /// The open form.
    #[must_use]
    pub fn form(&self) -> Option<&BrandForm> {
        self.form.as_ref()
    }

    /// Carries out `command` on the form; returns the brand to use when it was applied.
    pub fn apply(
        &mut self,
        command: BrandCommand,
        current: &Brand,
        services: &Services,
        title: &str,
    ) -> Result<Option<Brand>, Cause> {
        match command {
            BrandCommand::Open => self.form = Some(BrandForm::of(current)),
            BrandCommand::Edit(form) => {
                if self.form.is_some() {
                    self.form = Some(*form);
                }
            }
            BrandCommand::RemoveLogo => {
                if let Some(form) = &mut self.form {
                    form.logo = None;
                    form.logo_name.clear();
                }
            }
            BrandCommand::ChooseLogo | BrandCommand::ChooseTemplate => {
                if self.dialog.is_none() {
                    let logo = command == BrandCommand::ChooseLogo;
                    let question = PathQuestion {
                        title: title.to_owned(),
                        folder: None,
                        file_name: None,
                        open: Some(if logo { vec!["png", "svg"] } else { vec!["pptx"] }),
                        kind: Some(if logo { "Logo" } else { "PowerPoint" }.to_owned()),
                    };
                    self.dialog = Some((logo, FileDialogJob::ask(&services.chooser, question, services.waker())?));
                }
            }
            BrandCommand::RemoveTemplate => {
                if let Some(form) = &mut self.form {
                    form.template = None;
                }
            }
            BrandCommand::Apply => {
                let Some(form) = &mut self.form else { return Ok(None) };
                match form.brand() {
                    Ok(brand) => {
                        self.form = None;
                        return Ok(Some(brand));
                    }
                    Err(reason) => form.error = Some(reason),
                }
            }
            BrandCommand::Close => self.form = None,
        }
        Ok(None)
    }

    /// Takes the logo chosen in the dialog (every frame): read, checked and shown in the form,
    /// or the reason it was refused.
    pub fn poll(&mut self) {
        let Some(choice) = self.dialog.as_mut().and_then(|(_, job)| job.poll()) else { return };
        let logo = self.dialog.take().is_some_and(|(logo, _)| logo);
        let (Some(path), Some(form)) = (choice, self.form.as_mut()) else { return };
        if !logo {
            // A template is read when the deck is made, so that the newest version is used.
            form.template = Some(path);
            form.error = None;
            return;
        }
        let name = crate::import::display_name(&path);
        let logo = std::fs::read(&path)
            .map_err(|e| format!("{name}: {e}"))
            .and_then(|bytes| Brand::logo_of(&name, &bytes).map_err(|e| e.to_string()));
        match logo {
            Ok(url) => {
                form.logo = Some(url);
                form.logo_name = name;
                form.error = None;
            }
            Err(reason) => form.error = Some(reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_gives_its_brand_or_names_the_colour_it_cannot_read() {
        let brand = Brand { title: "Q3".to_owned(), colours: vec!["#7B2D8E".to_owned()], ..Brand::default() };
        let mut form = BrandForm::of(&brand);
        assert_eq!(form.colours, ["#7B2D8E".to_owned(), String::new()]);
        assert_eq!(form.brand(), Ok(brand));
        form.colours[1] = "1f4e79".to_owned();
        form.client = "  De Vries ".to_owned();
        let edited = form.brand().unwrap();
        assert_eq!(edited.colours, ["#7B2D8E", "#1F4E79"]);
        assert_eq!(edited.client, "De Vries");
        form.colours = [String::new(), "#1F4E79".to_owned()];
        let accent_only = form.brand().unwrap();
        assert_eq!(accent_only.colours, ["", "#1F4E79"], "an accent alone stays the accent");
        assert_eq!((accent_only.primary("none"), accent_only.colour_or(1, "none")), ("none", "#1F4E79"));
        form.colours[0] = "paars".to_owned();
        assert!(form.brand().unwrap_err().contains("paars"));
    }
}
