//! Pass 2: from the IR, the module record and the edit plan of the functor body.
//!
//! input:  `Ir` (analyze.rs) and the source text
//! output: `Plan` — the record (imports, exports, re-exports, fixed/live/re-export maps,
//!         needsImport/needsImportMeta), the preamble facts (imported locals, updater
//!         lists, hoisted declarations), and byte-offset edits `(start, end, text)`,
//!         sorted and non-overlapping, that turn the source into the functor body.
//!
//! Decisions follow `@endo/module-source` 1.5.0's Babel plugin: an analysis walk over
//! the top-level items in source order (imports, re-exports, which locals are exported
//! under which names), then a transform walk that settles each exported declaration as
//! fixed (`$h͏_once`) or live (`$h͏_live`), renaming ("softening") it to `$c͏_name`
//! where upstream does. Nothing is reprinted: removed text becomes spaces (line breaks
//! kept), and additions are inserted at declaration ends.

use std::collections::HashMap;

use swc_atoms::{Atom, Wtf8Atom};

use super::analyze::{AtomMap, AtomSet, BindingId, DeclKind, Ir, Item, SpecName};
use super::hidden::{CONST_PREFIX, HIDDEN_LIVE, HIDDEN_META, HIDDEN_ONCE, HIDDEN_IMPORT};

/// Keys in JS object insertion order, deduplicated. Most maps of a module are small:
/// they are searched in order until they grow past `INDEXED_FROM` entries, and only
/// then get a hash index (keyed, as `std` makes it).
pub struct OrderedMap<K, V> {
    pub entries: Vec<(K, V)>,
    index: Option<HashMap<K, usize>>,
}

const INDEXED_FROM: usize = 16;

impl<K: std::hash::Hash + Eq + Clone, V> OrderedMap<K, V> {
    pub fn new() -> Self {
        OrderedMap { entries: Vec::new(), index: None }
    }

    fn position(&self, k: &K) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(k).copied(),
            None => self.entries.iter().position(|(key, _)| key == k),
        }
    }

    fn push(&mut self, k: &K, v: V) -> usize {
        let at = self.entries.len();
        self.entries.push((k.clone(), v));
        match &mut self.index {
            Some(index) => {
                index.insert(k.clone(), at);
            }
            None if self.entries.len() > INDEXED_FROM => {
                self.index = Some(self.entries.iter().enumerate().map(|(i, (key, _))| (key.clone(), i)).collect());
            }
            None => {}
        }
        at
    }

    pub fn entry_or(&mut self, k: &K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.position(k) {
            Some(i) => i,
            None => self.push(k, make()),
        };
        &mut self.entries[i].1
    }

    /// Assignment: a new key goes last, an existing key keeps its place.
    pub fn set(&mut self, k: &K, v: V) {
        match self.position(k) {
            Some(i) => self.entries[i].1 = v,
            None => {
                self.push(k, v);
            }
        }
    }

    pub fn get_mut(&mut self, k: &K) -> Option<&mut V> {
        let i = self.position(k)?;
        Some(&mut self.entries[i].1)
    }

    pub fn contains(&self, k: &K) -> bool {
        self.position(k).is_some()
    }
}

impl<K: std::hash::Hash + Eq + Clone, V> Default for OrderedMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// What an imported value is fed to.
#[derive(Clone, Debug, PartialEq)]
pub enum Updater {
    /// Assigns the imported local `import_decls[slot]`.
    Assign { local: Atom, slot: usize },
    /// The live export of this (re-exported) local: `$h͏_live["local"]`.
    Live(Atom),
}

/// An export name as Babel sees it: `None` is a string-literal name (read as
/// `undefined`).
pub type ExportName = Option<Atom>;

pub struct Plan {
    /// Import specifiers (keys of `imports`), insertion order, each with its imported
    /// names and their updaters.
    pub sources: OrderedMap<Wtf8Atom, OrderedMap<String, Vec<Updater>>>,
    pub export_alls: Vec<Wtf8Atom>,
    pub reexport_map: OrderedMap<Wtf8Atom, Vec<(ExportName, ExportName)>>,
    /// export name -> local name
    pub fixed: OrderedMap<String, String>,
    /// export name -> (local name, setProxyTrap)
    pub live: OrderedMap<String, (String, bool)>,
    pub needs_import: bool,
    pub needs_import_meta: bool,
    pub import_decls: Vec<Atom>,
    /// (name, once, renamed-or-kept local for `Object.defineProperty`)
    pub hoisted: Vec<(Atom, bool, Option<String>)>,
    /// (start, end, replacement) in byte offsets, sorted, non-overlapping.
    pub edits: Vec<(u32, u32, String)>,
}

fn key_of(n: &ExportName) -> String {
    match n {
        Some(a) => a.to_string(),
        None => "undefined".to_string(),
    }
}

fn spec_key(n: &SpecName) -> ExportName {
    match n {
        SpecName::Ident(a) => Some(a.clone()),
        SpecName::Star => Some(Atom::from("*")),
        SpecName::Default => Some(Atom::from("default")),
        SpecName::StringLiteral => None,
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Spaces for the removed text `src[lo..hi]`, keeping its line breaks and UTF-16 width.
fn blank(src: &str, lo: u32, hi: u32) -> String {
    let bytes = &src.as_bytes()[lo as usize..hi as usize];
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out.push(if b == b'\n' || b == b'\r' { b as char } else { ' ' });
            i += 1;
        } else if b == 0xE2 && i + 2 < bytes.len() && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
            out.push_str(std::str::from_utf8(&bytes[i..i + 3]).unwrap_or(" "));
            i += 3;
        } else {
            let width = if b >= 0xF0 { 4 } else if b >= 0xE0 { 3 } else { 2 };
            out.push_str(if b >= 0xF0 { "  " } else { " " });
            i += width;
        }
    }
    out
}

/// Only the line breaks of `src[lo..hi]`.
fn line_breaks(src: &str, lo: u32, hi: u32) -> String {
    src[lo as usize..hi as usize].chars().filter(|&c| is_line_break(c)).collect()
}

struct Planner<'a> {
    src: &'a str,
    ir: &'a Ir,
    plan: Plan,
    /// local -> the (specifier, import name) whose updater list receives re-exports.
    updater_sources: AtomMap<(Wtf8Atom, String)>,
    /// local -> export names (Babel's topLevelExported).
    exported: AtomMap<Vec<String>>,
    /// Names of default-exported declarations: never analyzed as once by upstream.
    default_decl_names: AtomSet,
    seq: Vec<(u32, u32, u32, String)>,
}

impl<'a> Planner<'a> {
    fn edit(&mut self, lo: u32, hi: u32, text: String) {
        let n = self.seq.len() as u32;
        self.seq.push((lo, hi, n, text));
    }

    fn is_once(&self, name: &Atom) -> bool {
        !self.ir.reassigned.contains(name) && !self.default_decl_names.contains(name)
    }

    /// Babel looks a function declaration's binding up from inside the function.
    fn is_once_function(&self, name: &Atom) -> bool {
        match self.ir.self_scoped.get(name) {
            Some(inner_reassigned) => !inner_reassigned,
            None => self.is_once(name),
        }
    }

    fn ensure_source(&mut self, spec: &Wtf8Atom) {
        self.plan.sources.entry_or(spec, OrderedMap::new);
    }

    fn mark_live(&mut self, name: &Atom) {
        if let Some(tos) = self.exported.get(name) {
            for to in tos.clone() {
                self.plan.live.set(&to, (name.to_string(), true));
            }
        }
    }

    fn mark_fixed(&mut self, name: &Atom) {
        if let Some(tos) = self.exported.get(name) {
            for to in tos.clone() {
                self.plan.fixed.set(&to, name.to_string());
            }
        }
    }

    /// Returns the hidden object the export's updates go through.
    fn mark_export(&mut self, name: &Atom) -> &'static str {
        let once = self.is_once(name);
        self.mark_export_as(name, once)
    }

    fn mark_export_as(&mut self, name: &Atom, once: bool) -> &'static str {
        if once {
            self.mark_fixed(name);
            HIDDEN_ONCE
        } else {
            self.mark_live(name);
            HIDDEN_LIVE
        }
    }

    fn soften(&mut self, id: &BindingId) -> String {
        let renamed = format!("{CONST_PREFIX}{}", id.name);
        let text = if id.shorthand {
            format!("{}: {renamed}", id.name)
        } else {
            renamed.clone()
        };
        self.edit(id.lo, id.hi, text);
        renamed
    }

    fn analysis(&mut self) {
        for item in &self.ir.items {
            match item {
                Item::Import { spec, specifiers, .. } => {
                    self.ensure_source(spec);
                    for (from, local) in specifiers {
                        let slot = self.plan.import_decls.len();
                        self.plan.import_decls.push(local.clone());
                        let from = key_of(&spec_key(from));
                        let updater = Updater::Assign { local: local.clone(), slot };
                        let entries = self.plan.sources.entry_or(spec, OrderedMap::new);
                        entries.entry_or(&from, Vec::new).push(updater);
                        self.updater_sources.insert(local.clone(), (spec.clone(), from));
                    }
                }
                Item::ExportAll { spec, .. } => {
                    self.ensure_source(spec);
                    self.plan.export_alls.push(spec.clone());
                }
                Item::ExportNamed { spec: Some(spec), specifiers, .. } => {
                    self.ensure_source(spec);
                    for (local, exported) in specifiers {
                        let pair = (spec_key(local), spec_key(exported));
                        self.plan.reexport_map.entry_or(spec, Vec::new).push(pair);
                    }
                }
                Item::ExportNamed { spec: None, specifiers, .. } => {
                    for (local, exported) in specifiers {
                        let local = match spec_key(local) {
                            Some(l) => l,
                            None => continue,
                        };
                        let to = key_of(&spec_key(exported));
                        if let Some((spec, from)) = self.updater_sources.get(&local).cloned() {
                            // Re-export of an import: its updaters also feed the export.
                            let upd = Updater::Live(local.clone());
                            if let Some(list) = self
                                .plan
                                .sources
                                .get_mut(&spec)
                                .and_then(|m| m.get_mut(&from))
                            {
                                list.push(upd);
                            }
                            self.plan.live.set(&to, (local.to_string(), false));
                        } else {
                            self.exported.entry(local).or_default().push(to);
                        }
                    }
                }
                Item::ExportDefaultExpr { .. } => {
                    self.plan.fixed.set(&"default".to_string(), "default".to_string());
                }
                Item::ExportDefaultDecl { id, .. } => {
                    if let Some(id) = id {
                        self.default_decl_names.insert(id.clone());
                    }
                    self.plan.fixed.set(&"default".to_string(), "default".to_string());
                }
                Item::Decl { export_kw: Some(_), ids, .. } => {
                    for id in ids {
                        self.exported.entry(id.name.clone()).or_default().push(id.name.to_string());
                    }
                }
                Item::Decl { .. } => {}
            }
        }
    }

    /// Insert `text` after a declaration ending at `hi`; `needs_semi` when the
    /// declaration may lack its own terminator.
    fn append_after(&mut self, hi: u32, needs_semi: bool, text: &str) {
        if text.is_empty() {
            return;
        }
        let ends_with_semi = hi > 0 && self.src.as_bytes()[hi as usize - 1] == b';';
        let t = if needs_semi && !ends_with_semi {
            format!(";{text}")
        } else {
            text.to_string()
        };
        self.edit(hi, hi, t);
    }

    fn rewrite_vars(&mut self, ids: &[BindingId], is_const: bool, hoisting: Option<DeclKind>, hi: u32) {
        let mut additions = String::new();
        for id in ids {
            let name = &id.name;
            let once = if hoisting == Some(DeclKind::Function) {
                self.is_once_function(name)
            } else {
                self.is_once(name)
            };
            let exported = self.exported.contains_key(name);
            if !is_const && !once {
                if exported {
                    let renamed = self.soften(id);
                    additions.push_str(&format!("{HIDDEN_LIVE}.{name}({renamed});"));
                    self.mark_live(name);
                }
            } else if exported {
                match hoisting {
                    Some(DeclKind::Function) => {
                        self.plan.hoisted.push((name.clone(), once, Some(name.to_string())));
                        self.mark_export_as(name, once);
                    }
                    Some(_) => {
                        let renamed = self.soften(id);
                        self.plan.hoisted.push((name.clone(), false, None));
                        additions.push_str(&format!("{name} = {renamed};"));
                        self.mark_live(name);
                    }
                    None => {
                        additions.push_str(&format!("{HIDDEN_ONCE}.{name}({name});"));
                        self.mark_fixed(name);
                    }
                }
            }
        }
        let needs_semi = hoisting != Some(DeclKind::Function);
        self.append_after(hi, needs_semi, &additions);
    }

    fn transform(&mut self) {
        // Babel visits the statements that replace an export declaration after all of
        // the original top-level statements, so plain declarations settle first; map
        // insertion order and hoisting order follow that.
        for late in [false, true] {
            for item in &self.ir.items {
                let is_late = matches!(
                    item,
                    Item::Decl { export_kw: Some(_), .. }
                        | Item::ExportDefaultExpr { .. }
                        | Item::ExportDefaultDecl { .. }
                );
                if is_late != late {
                    continue;
                }
                self.transform_item(item);
            }
        }
        self.transform_tail();
    }

    fn transform_item(&mut self, item: &Item) {
        let src = self.src;
        {
            match item {
                Item::Import { lo, hi, .. }
                | Item::ExportAll { lo, hi, .. }
                | Item::ExportNamed { lo, hi, .. } => {
                    self.edit(*lo, *hi, blank(src, *lo, *hi));
                }
                Item::ExportDefaultExpr { lo, expr_lo, expr_hi, hi } => {
                    let head = format!(
                        "const{{default:{CONST_PREFIX}default}}={{default:{}",
                        line_breaks(src, *lo, *expr_lo)
                    );
                    self.edit(*lo, *expr_lo, head);
                    self.edit(*expr_hi, *expr_hi, "}".into());
                    let call = format!("{HIDDEN_ONCE}.default({CONST_PREFIX}default);");
                    if *hi > *expr_hi && src.as_bytes()[*hi as usize - 1] == b';' {
                        self.edit(*hi, *hi, call);
                    } else {
                        self.edit(*expr_hi, *expr_hi, format!(";{call}"));
                    }
                }
                Item::ExportDefaultDecl { lo, decl_lo, decl_hi, id, id_span, is_class } => match id {
                    Some(id) => {
                        self.edit(*lo, *decl_lo, blank(src, *lo, *decl_lo));
                        if self.exported.contains_key(id) {
                            // Also exported by name: upstream treats it as a live,
                            // never-analyzed top-level declaration.
                            if *is_class {
                                let h = self.mark_export(id);
                                self.edit(*decl_hi, *decl_hi, format!("{h}.{id}({id});"));
                            } else {
                                // Never analyzed as once, so softened and live.
                                let bid = BindingId {
                                    name: id.clone(),
                                    lo: id_span.0,
                                    hi: id_span.1,
                                    shorthand: false,
                                };
                                let renamed = self.soften(&bid);
                                self.edit(*decl_hi, *decl_hi, format!("{HIDDEN_LIVE}.{id}({renamed});"));
                                self.mark_live(id);
                            }
                        }
                        self.edit(*decl_hi, *decl_hi, format!("{HIDDEN_ONCE}.default({id});"));
                    }
                    None => {
                        let head = format!(
                            "const{{default:{CONST_PREFIX}default}}={{default:{}",
                            line_breaks(src, *lo, *decl_lo)
                        );
                        self.edit(*lo, *decl_lo, head);
                        self.edit(
                            *decl_hi,
                            *decl_hi,
                            format!("}};{HIDDEN_ONCE}.default({CONST_PREFIX}default);"),
                        );
                    }
                },
                Item::Decl { export_kw, kind, ids, hi } => {
                    if let Some(k) = export_kw {
                        self.edit(*k, *k + 6, "      ".into());
                    }
                    match kind {
                        DeclKind::Function => {
                            let id = &ids[0];
                            if self.exported.contains_key(&id.name) {
                                self.rewrite_vars(ids, false, Some(DeclKind::Function), *hi);
                                let once = self.is_once_function(&id.name);
                                self.mark_export_as(&id.name, once);
                            }
                        }
                        DeclKind::Class => {
                            let id = &ids[0];
                            if self.exported.contains_key(&id.name) {
                                let h = self.mark_export(&id.name);
                                let name = &id.name;
                                self.append_after(*hi, false, &format!("{h}.{name}({name});"));
                            }
                        }
                        _ => {
                            if ids.iter().any(|id| self.exported.contains_key(&id.name)) {
                                let is_const = *kind == DeclKind::Const;
                                let hoisting = match kind {
                                    DeclKind::Let | DeclKind::Const => None,
                                    k => Some(*k),
                                };
                                self.rewrite_vars(ids, is_const, hoisting, *hi);
                            }
                        }
                    }
                }
            }
        }
    }

    fn transform_tail(&mut self) {
        let src = self.src;
        for &(lo, hi) in &self.ir.metas {
            self.edit(lo, hi, HIDDEN_META.into());
        }
        for &(lo, hi) in &self.ir.dynamic_imports {
            self.edit(lo, hi, HIDDEN_IMPORT.into());
        }
        if self.ir.hashbang {
            self.edit(0, 2, "//".into());
        }
        // Trailing white space is dropped (Babel's generator does the same).
        let trimmed = src
            .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len() as u32;
        if (trimmed as usize) < src.len() {
            self.edit(trimmed, src.len() as u32, String::new());
        }
    }
}

/// Plan the record and the edits. Fails only on an internal inconsistency (overlapping
/// edits), which is reported rather than producing a wrong program.
pub fn plan(src: &str, ir: &Ir) -> Result<Plan, String> {
    let mut p = Planner {
        src,
        ir,
        plan: Plan {
            sources: OrderedMap::new(),
            export_alls: Vec::new(),
            reexport_map: OrderedMap::new(),
            fixed: OrderedMap::new(),
            live: OrderedMap::new(),
            needs_import: !ir.dynamic_imports.is_empty(),
            needs_import_meta: !ir.metas.is_empty(),
            import_decls: Vec::new(),
            hoisted: Vec::new(),
            edits: Vec::new(),
        },
        updater_sources: AtomMap::default(),
        exported: AtomMap::default(),
        default_decl_names: AtomSet::default(),
        seq: Vec::new(),
    };
    p.analysis();
    p.transform();
    let mut seq = std::mem::take(&mut p.seq);
    seq.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let mut edits: Vec<(u32, u32, String)> = Vec::with_capacity(seq.len());
    for (lo, hi, _, text) in seq {
        if let Some(last) = edits.last_mut() {
            if lo < last.1 {
                return Err(format!("overlapping edits at {lo}"));
            }
            // Insertions at the same point keep their planned order.
            if lo == last.1 && lo == hi && last.0 == last.1 && last.0 == lo {
                last.2.push_str(&text);
                continue;
            }
        }
        edits.push((lo, hi, text));
    }
    p.plan.edits = edits;
    Ok(p.plan)
}

#[cfg(test)]
mod tests {
    use super::OrderedMap;

    #[test]
    fn ordered_map_keeps_order_and_values_past_its_index_threshold() {
        let mut m: OrderedMap<String, usize> = OrderedMap::new();
        for round in 0..2 {
            for i in 0..40 {
                m.set(&format!("k{}", i % 37), i + round);
            }
        }
        assert_eq!(m.entries.len(), 37);
        assert_eq!(m.entries[0].0, "k0");
        assert_eq!(m.entries[36].0, "k36");
        // The last assignment of each key wins; keys keep their first place.
        assert_eq!(m.entries[2].1, 40);
        assert_eq!(*m.entry_or(&"k5".to_string(), || 0), 6);
        assert_eq!(*m.entry_or(&"new".to_string(), || 99), 99);
        assert_eq!(m.entries.last().map(|e| e.0.as_str()), Some("new"));
        assert!(m.contains(&"k36".to_string()));
        assert!(!m.contains(&"k37".to_string()));
        *m.get_mut(&"k1".to_string()).unwrap() = 7;
        assert_eq!(m.entries[1].1, 7);
    }
}
