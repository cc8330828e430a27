sign-in-title = Sign in
sign-in-button = Sign in
sign-in-failed-title = Sign-in failed
sign-in-failed = The e-mail address or password is wrong, or the account is not active.
field-email = E-mail address
field-password = Password
activate-title = Activate your account
activate-intro = Choose a password. A long sentence makes a good password.
activate-button = Activate and sign in
activate-link-failed-title = The link does not work
activate-link-failed = The link has been used, has expired or is wrong. Ask an administrator for a new link.
field-new-password = New password
field-password-confirm = Password again
password-hint = At least 8 characters. Spaces and any letters are fine.
code-title = Confirm your sign-in
code-hint = Type the six-digit code from your authenticator app, or one of your recovery codes.
field-code = Code
code-button = Confirm
code-failed-title = The code was not accepted
code-failed = The code is wrong, has expired or was already used. Type a new code.
setup-title = Set up two-step verification
setup-intro = Every user confirms their sign-in with an authenticator app on their phone.
setup-step-app = Open your authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP).
setup-step-key = Add a new account and type in this key:
setup-link-summary = Show the key as a link
setup-step-code = Type the six-digit code the app shows below.
setup-button = Turn on
setup-failed = The code does not match. Type the code the app shows now.
setup-start-over = Start again with a new key
recovery-title = Your recovery codes
recovery-intro = Keep these codes somewhere safe. Each code works once if your phone is not at hand. They will not be shown again.
recovery-continue = Continue

## Confirmations after a save
notice-password = Password set. You are now signed in.
recovery-enabled = Two-step verification is now on.
setup-new-key = Show the key
notice-password-changed = Password changed. Your other sessions were signed out.
notice-second-factor-changed = Authenticator app changed. Your other sessions were signed out.
notice-stepped-up = Identity confirmed. You can continue.

## Step-up: a fresh code before exports and administration
step-up-title = Confirm it is you
step-up-intro = Exports and administration need a fresh code from your authenticator app. The confirmation is valid for 10 minutes.
step-up-button = Confirm

## Own account: password and authenticator app
account-title = Your account
account-nav = Your account
account-intro = Change your password or your authenticator app. Each change asks for your current password and a code, and signs out your other sessions.
account-password-title = Change password
account-password-button = Change password
account-factor-title = Change authenticator app
account-factor-intro = Use this when you have a new phone. After this, the old app's codes and your old recovery codes no longer work.
account-factor-button = Start
account-factor-none = Your account has no authenticator app.
account-factor-confirm-title = Set up the new app
account-factor-confirm-button = Change app
field-current-password = Current password
field-current-code = Code from your authenticator app
field-new-code = Code from the new app
error-current-password = The current password is wrong.
error-current-code = The code is wrong, has expired or was already used.
error-new-code = The code does not match. Type the code the new app shows now.
error-factor-change-expired = The change took too long. Start again.
