"""Officers' forms of the meetings app, one module per task."""

from django.core.exceptions import ValidationError


def add_validation_error(form, error: ValidationError) -> None:
    """Show a service's ValidationError on a form: each message on its field when the form
    has that field, otherwise above the form, so nothing the officer must fix is lost."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def form_rebased(form, *, version: int, **kwargs):
    """After a lost-update conflict: the user's form exactly as they typed it, bound again
    with the `version` now saved and validated, so that saving again applies it on top.
    `kwargs` are the form's own arguments (a ModelForm needs a fresh `instance`: validating
    writes into it)."""
    data = form.data.copy()
    data["version"] = version
    rebased = type(form)(data, **kwargs)
    rebased.is_valid()
    return rebased
