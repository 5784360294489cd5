"""A team's language: the language its stories are stemmed and searched in."""


def test_it_offers_the_language_in_the_admin(superuser, client, team):
    client.force_login(superuser)
    response = client.post(
        f"/admin/stories/team/{team.pk}/change/",
        {
            "name": team.name,
            "slug": team.slug,
            "time_zone": team.time_zone,
            "country": team.country,
            "moderation_mode": team.moderation_mode,
            "language": "es",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.language == "es"
