//! The keyboard shortcuts, in one table: the bindings and the buttons' tooltips both read it, and
//! the tooltips show them as the platform writes them (Ctrl+Shift+V, or ⇧⌘V on a Mac).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Action;
use crate::domain::KeySlot;

/// Replace the response with the clipboard's text.
pub const PASTE_RESPONSE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);
/// Empty the response editor.
pub const CLEAR_RESPONSE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::K);
/// Open the Alipay public key file.
pub const OPEN_PUBLIC_KEY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Open the AES key file.
pub const OPEN_AES_KEY: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);

/// The shortcut that opens a slot's key file.
pub fn open_key(slot: KeySlot) -> KeyboardShortcut {
    match slot {
        KeySlot::AlipayPublicKey => OPEN_PUBLIC_KEY,
        KeySlot::AesKey => OPEN_AES_KEY,
    }
}

/// The actions of the shortcuts pressed in this frame. The more specific shortcuts (with Shift)
/// are consumed first, so Ctrl+Shift+O never also counts as Ctrl+O.
pub fn pressed(ui: &mut egui::Ui) -> Vec<Action> {
    let bindings = [
        (PASTE_RESPONSE, Action::PasteResponse),
        (CLEAR_RESPONSE, Action::ClearResponse),
        (OPEN_AES_KEY, Action::OpenKey(KeySlot::AesKey)),
        (OPEN_PUBLIC_KEY, Action::OpenKey(KeySlot::AlipayPublicKey)),
    ];
    ui.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| action)
            .collect()
    })
}

/// How the platform writes `shortcut`, for a tooltip.
pub fn label(ui: &egui::Ui, shortcut: &KeyboardShortcut) -> String {
    ui.ctx().format_shortcut(shortcut)
}
