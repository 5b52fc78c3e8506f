// The rich-text editor of "Write it here": pell (static/vendor/pell-1.0.6) over the plain
// <textarea data-rich-text>, which stays in the form and carries what is posted. Without
// JavaScript the textarea works on its own. The server sanitises whatever is posted.
import { exec, init } from "../vendor/pell-1.0.6/pell.js";

const block = (tag) => () => exec("formatBlock", `<${tag}>`);
const state = (command) => () => document.queryCommandState(command);

const ACTIONS = [
  { name: "heading", icon: "Heading", title: "Heading", result: block("h2") },
  { name: "subheading", icon: "Subheading", title: "Subheading", result: block("h3") },
  { name: "paragraph", icon: "Paragraph", title: "Paragraph", result: block("p") },
  { name: "bold", icon: "Bold", title: "Bold", state: state("bold") },
  { name: "italic", icon: "Italic", title: "Italic", state: state("italic") },
  { name: "ulist", icon: "Bulleted list", title: "Bulleted list", result: () => exec("insertUnorderedList") },
  { name: "olist", icon: "Numbered list", title: "Numbered list", result: () => exec("insertOrderedList") },
  {
    name: "link",
    icon: "Link",
    title: "Link",
    result: () => {
      const url = window.prompt("Web or e-mail address of the link (https://… or mailto:…)");
      if (url && /^(https?:|mailto:)/i.test(url.trim())) exec("createLink", url.trim());
      return true;
    },
  },
];

// What the browser's editing commands make, in the markup the allow-list keeps.
const RENAME = { B: "strong", I: "em", H1: "h2", DIV: "p" };

function tidy(html) {
  const template = document.createElement("template"); // inert: nothing loads or runs
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll(Object.keys(RENAME).join(","))) {
    const replacement = document.createElement(RENAME[element.tagName]);
    replacement.append(...element.childNodes);
    element.replaceWith(replacement);
  }
  return template.innerHTML;
}

function enhance(textarea) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const wrapper = document.createElement("div");
  wrapper.className = "scrutiny-editor";
  textarea.after(wrapper);
  const editor = init({
    element: wrapper,
    defaultParagraphSeparator: "p",
    actions: ACTIONS,
    classes: {
      actionbar: "scrutiny-editor__toolbar",
      button: "scrutiny-editor__button",
      content: "scrutiny-editor__content govuk-body",
      selected: "scrutiny-editor__button--on",
    },
    onChange: (html) => {
      textarea.value = tidy(html);
    },
  });
  const content = editor.content;
  const toolbar = wrapper.querySelector(".scrutiny-editor__toolbar");
  content.id = `${textarea.id}-editor`;
  content.innerHTML = textarea.value; // sanitised by the server before it was shown
  content.setAttribute("role", "textbox");
  content.setAttribute("aria-multiline", "true");
  if (label) {
    label.id = label.id || `${textarea.id}-label`;
    content.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", () => content.focus());
  }
  const described = textarea.getAttribute("aria-describedby");
  if (described) content.setAttribute("aria-describedby", described);
  if (textarea.classList.contains("govuk-textarea--error")) {
    content.classList.add("scrutiny-editor__content--error");
  }
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Formatting");
  toolbar.setAttribute("aria-controls", content.id);

  // Buttons that show a state (bold, italic) say whether it is on.
  const buttons = [...toolbar.querySelectorAll("button")];
  const stateful = ACTIONS.map((action, index) => [action, buttons[index]]).filter(([a]) => a.state);
  const update = () => {
    for (const [action, button] of stateful) {
      button.setAttribute("aria-pressed", String(Boolean(action.state())));
    }
  };
  update();
  for (const event of ["keyup", "mouseup", "focus"]) content.addEventListener(event, update);
  toolbar.addEventListener("click", update);

  textarea.hidden = true;
  textarea.classList.add("scrutiny-editor__source");
  textarea.form.addEventListener("submit", () => {
    textarea.value = tidy(content.innerHTML);
  });
}

for (const textarea of document.querySelectorAll("textarea[data-rich-text]")) {
  enhance(textarea);
}
