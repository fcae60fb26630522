"""Public views: the representatives' accounts and the collectivité search."""
