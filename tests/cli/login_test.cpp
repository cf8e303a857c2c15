// placeholder: the login tests
