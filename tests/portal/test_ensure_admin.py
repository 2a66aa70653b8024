from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command


def test_creates_admin_once_with_a_working_generated_password(db, client):
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
