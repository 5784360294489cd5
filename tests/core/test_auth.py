from tests.factories import PASSWORD


def test_it_shows_a_styled_login_page(client, db):
    response = client.get("/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Service Retro" in html
    assert 'name="username"' in html
    assert "bootstrap" in html


def test_it_logs_in_and_lands_on_the_dashboard(client, member):
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_it_says_why_a_login_failed(client, member):
    response = client.post("/accounts/login/", {"username": "member", "password": "wrong"})
    assert "Please enter a correct username and password" in response.content.decode()


def test_it_logs_out_with_post_only(member_client):
    assert member_client.get("/accounts/logout/").status_code == 405
    assert member_client.post("/accounts/logout/")["Location"] == "/accounts/login/"
    assert member_client.get("/")["Location"].startswith("/accounts/login/")


def test_it_changes_the_password(member_client, member):
    response = member_client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    member.refresh_from_db()
    assert response.status_code == 302
    assert member.check_password("a-new-long-passphrase")


def test_it_requires_login_everywhere_but_login_and_healthz(client, db):
    for url in ["/", "/stories/", "/stories/new/", "/moderation/", "/accounts/password_change/"]:
        assert client.get(url)["Location"].startswith("/accounts/login/"), url
