/** The account mails, in Russian. Pure: the caller passes the links and the tenant's name. */
export interface MailText {
  subject: string;
  text: string;
}

const sign = (brand: string) =>
  `\n\n—\nЛичный кабинет ${brand}. Если вы не запрашивали это письмо, просто удалите его.`;

export const mails = {
  activate: (brand: string, link: string, hours: number): MailText => ({
    subject: `${brand}: подтвердите регистрацию`,
    text: `Здравствуйте!\n\nДля активации личного кабинета перейдите по ссылке (действует ${hours} ч, один раз):\n${link}\n\nПосле активации кабинет работает в режиме просмотра, пока ваш менеджер не подтвердит регистрацию.${sign(brand)}`,
  }),
  alreadyRegistered: (brand: string, loginLink: string, recoverLink: string): MailText => ({
    subject: `${brand}: вы уже зарегистрированы`,
    text: `Здравствуйте!\n\nКто-то (возможно, вы) пытался зарегистрироваться с этим адресом, но у вас уже есть учётная запись.\nВойти: ${loginLink}\nЗабыли пароль: ${recoverLink}${sign(brand)}`,
  }),
  questionnaire: (brand: string, link: string, hours: number): MailText => ({
    subject: `${brand}: подтверждение регистрации`,
    text: `Здравствуйте!\n\nЧтобы завершить регистрацию, перейдите по ссылке и заполните анкету (ссылка действует ${hours} ч, один раз):\n${link}${sign(brand)}`,
  }),
  managerApproval: (brand: string, company: string, email: string, link: string): MailText => ({
    subject: `${brand}: новый дилер ждёт подтверждения — ${company}`,
    text: `Дилер «${company}» (${email}) активировал личный кабинет. Подтвердите регистрацию, чтобы открыть ему все функции:\n${link}`,
  }),
  approved: (brand: string, link: string): MailText => ({
    subject: `${brand}: регистрация подтверждена`,
    text: `Здравствуйте!\n\nМенеджер подтвердил вашу регистрацию: все функции личного кабинета доступны.\n${link}${sign(brand)}`,
  }),
  credentials: (brand: string, link: string, login: string, password: string): MailText => ({
    subject: `${brand}: доступ в личный кабинет`,
    text: `Здравствуйте!\n\nДля вас создан личный кабинет.\nАдрес: ${link}\nЛогин: ${login}\nПароль: ${password}\n\nПри первом входе смените пароль.${sign(brand)}`,
  }),
  accessGranted: (brand: string, link: string, company: string): MailText => ({
    subject: `${brand}: вам открыт доступ`,
    text: `Здравствуйте!\n\nВам открыт доступ к личному кабинету ${brand} от имени «${company}». Войдите со своим e-mail и паролем:\n${link}${sign(brand)}`,
  }),
  recover: (brand: string, link: string, hours: number): MailText => ({
    subject: `${brand}: восстановление пароля`,
    text: `Здравствуйте!\n\nДля смены пароля перейдите по ссылке (действует ${hours} ч, один раз):\n${link}${sign(brand)}`,
  }),
  emailChangeCode: (brand: string, code: string, newEmail: string): MailText => ({
    subject: `${brand}: код подтверждения смены e-mail`,
    text: `Здравствуйте!\n\nЗапрошена смена адреса для входа на ${newEmail}. Код подтверждения: ${code}\nВведите его на странице, которая откроется по ссылке из письма на новый адрес.${sign(brand)}`,
  }),
  emailChangeLink: (brand: string, link: string): MailText => ({
    subject: `${brand}: подтвердите новый e-mail`,
    text: `Здравствуйте!\n\nПодтвердите смену адреса электронной почты: перейдите по ссылке и введите код из письма, отправленного на прежний адрес:\n${link}${sign(brand)}`,
  }),
  dataChange: (brand: string, company: string, email: string, message: string): MailText => ({
    subject: `${brand}: запрос на изменение данных — ${company}`,
    text: `Пользователь ${email} («${company}») просит изменить данные:\n\n${message}`,
  }),
};
