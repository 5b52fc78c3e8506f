"""Sign-in and password forms, in GOV.UK style with plain-English errors."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms
from django.contrib.auth import forms as auth_forms


def _helper(*field_names: str, button: str) -> FormHelper:
    """A form of two-thirds-width text inputs and one submit button."""
    helper = FormHelper()
    # Templates write the <form> tag: the error summary sits above it (GOV.UK pattern).
    helper.form_tag = False
    helper.layout = Layout(
        *(Field.text(name, field_width=Fluid.TWO_THIRDS) for name in field_names),
        Button("submit", button),
    )
    return helper


class LoginForm(auth_forms.AuthenticationForm):
    """Sign in with a user name and password."""

    error_messages = {
        # The same message whether the user name exists or not: it must not tell.
        "invalid_login": "The user name or password is not right",
        "inactive": "This account has been closed. Contact democratic services.",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "User name"
        self.fields["username"].error_messages["required"] = "Enter your user name"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = _helper("username", "password", button="Sign in")
        self.fields["username"].widget.attrs.update(
            autocomplete="username", autocapitalize="none", spellcheck="false"
        )
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Ask for a link to set a new password."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper("email", button="Send the link")


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Choose a new password from a reset link."""

    error_messages = {
        **auth_forms.SetPasswordForm.error_messages,
        "password_mismatch": "The passwords do not match. Enter the same password twice",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _plain_password_fields(self)
        self.helper = _helper("new_password1", "new_password2", button="Change password")


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Change the password of the signed-in user."""

    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right",
        "password_mismatch": "The passwords do not match. Enter the same password twice",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _plain_password_fields(self)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.helper = _helper(
            "old_password", "new_password1", "new_password2", button="Change password"
        )


def _plain_password_fields(form: forms.Form) -> None:
    new, confirm = form.fields["new_password1"], form.fields["new_password2"]
    new.label = "New password"
    new.error_messages["required"] = "Enter a new password"
    confirm.label = "Confirm new password"
    confirm.error_messages["required"] = "Enter the new password again"
    confirm.help_text = ""
